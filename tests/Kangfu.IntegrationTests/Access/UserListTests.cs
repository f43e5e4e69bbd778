using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Security;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Access;

/// <summary>用户管理: the list (server-side filters, sort, paging), district isolation, who may use it, and its audit rows.</summary>
public abstract class UserListTests(KangfuApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task List_filters_sorts_and_pages_on_the_server_and_masks_phone_numbers()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var tag = "列" + Guid.NewGuid().ToString("N")[..6];
        var rehab = await app.WithDbAsync(db => db.Institutions.Where(i => i.DistrictCode == KangfuApp.District && i.Name == "滨海新区康复医院").Select(i => i.Id).SingleAsync());
        var (a, _) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(UserAdminKit.NewName(), Roles.CommunityStaff, KangfuApp.CommunityA, tag + "1"));
        var (b, _) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(UserAdminKit.NewName(), Roles.CommunityStaff, KangfuApp.CommunityB, tag + "2"));
        var (c, _) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(UserAdminKit.NewName(), Roles.RehabInstitution, institution: rehab, displayName: tag + "3"));
        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, b, "disable")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == c);
            user.PhoneNumber = "022-66881234";
            return await db.SaveChangesAsync();
        });
        var checks = new (string Query, string[] Expected)[]
        {
            ($"q={tag}", [a, b, c]),
            ($"q={tag}&role={Roles.RehabInstitution}", [c]),
            ($"q={tag}&area=120116001000", [a]),
            ($"q={tag}&area={KangfuApp.CommunityB}", [b]),
            ($"q={tag}&institution={rehab}", [c]),
            ($"q={tag}&status=Disabled", [b]),
            ($"q={tag}&status=Active", [a, c]),
            ($"q={tag}&sort=displayName&desc=true", [c, b, a]),
            ($"q={tag}&sort=displayName&pageSize=2&page=2", [c]),
        };
        foreach (var (query, expected) in checks)
        {
            var json = JsonDocument.Parse(await security.GetStringAsync("/api/users?" + query)).RootElement;
            var ids = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
            var ordered = query.Contains("sort=", StringComparison.Ordinal);
            Assert.True(ordered ? expected.SequenceEqual(ids) : expected.Order().SequenceEqual(ids.Order()), $"{query}: {string.Join(",", ids)}");
        }
        var body = await security.GetStringAsync($"/api/users?q={tag}&institution={rehab}");
        Assert.Contains("022*****1234", body, StringComparison.Ordinal);
        Assert.DoesNotContain("66881234", body, StringComparison.Ordinal);
        Assert.Contains("滨海新区康复医院", body, StringComparison.Ordinal);
        output.WriteLine($"FIGURE user list: {checks.Length} server-side queries (name, role, street, community, institution, status, sort, paging) return exactly the expected accounts; phone masked 022*****1234");
    }

    [Fact]
    public async Task Accounts_of_another_district_are_invisible_and_untouchable()
    {
        var (district, admins) = await UserAdminKit.DistrictAsync(app);
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var other = await UserAdminKit.IdOfAsync(app, admins[Roles.AuditAdmin].UserName);
        var list = JsonDocument.Parse(await security.GetStringAsync("/api/users?pageSize=100")).RootElement;
        Assert.DoesNotContain(admins.Values, a => list.GetRawText().Contains(a.UserName, StringComparison.Ordinal));
        Assert.Equal(0, JsonDocument.Parse(await security.GetStringAsync($"/api/users?q={admins[Roles.AuditAdmin].UserName}")).RootElement.GetProperty("total").GetInt32());
        var attempts = new[]
        {
            await security.GetAsync($"/api/users/{other}"),
            await UserAdminKit.EditAsync(security, other, "x", [Roles.DistrictReviewer]),
            await UserAdminKit.ActAsync(security, other, "disable"),
            await UserAdminKit.ActAsync(security, other, "unlock"),
            await UserAdminKit.ActAsync(security, other, "reset-password"),
            await UserAdminKit.ActAsync(security, other, "reset-mfa"),
        };
        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Contains("账号不存在或不属于本区", await security.GetStringAsync($"/users/{other}"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == other && u.IsActive && u.DistrictCode == district)));
        output.WriteLine($"FIGURE other district: its accounts in 0 list rows; {attempts.Length} object calls → 404; page says 不存在; account unchanged");
    }

    [Fact]
    public async Task Only_the_security_admin_reaches_any_user_endpoint_or_page()
    {
        var target = await UserAdminKit.IdOfAsync(app, "reviewer");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/') is var p && (p.StartsWith("api/users", StringComparison.Ordinal) || p.StartsWith("users", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Url: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')
                .Replace("{id:guid}", target, StringComparison.Ordinal).Replace("{Id:guid}", target, StringComparison.Ordinal))))
            .Where(r => r.Url.StartsWith("/api/", StringComparison.Ordinal) || r.Method == "GET").Distinct().ToList();
        var refused = 0;
        foreach (var login in new[] { "admin", "auditor", "community", "reviewer" })
        {
            using var client = await app.LoginAsync(login);
            foreach (var (method, url) in routes)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) });
                var ok = url.StartsWith("/api/", StringComparison.Ordinal) ? response.StatusCode == HttpStatusCode.Forbidden
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/forbidden", StringComparison.Ordinal);
                Assert.True(ok, $"{login} {method} {url} → {(int)response.StatusCode}");
                refused++;
            }
        }
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync("/users")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == target && u.IsActive)));
        output.WriteLine($"FIGURE who manages users: {routes.Count} user endpoint-verbs and pages × 4 logins (system admin, audit admin, community staff, reviewer) = {refused} attempts, {refused} refused (API 403, pages → /forbidden)");
        Assert.True(routes.Count >= 12, $"only {routes.Count} routes");
    }

    [Fact]
    public async Task Every_action_writes_exactly_one_audit_row_and_no_row_holds_a_password()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var name = UserAdminKit.NewName();
        var (id, first) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(name, Roles.CommunityStaff, KangfuApp.CommunityA, "张审计"));
        string Stamp(JsonElement form) => form.GetProperty("concurrencyStamp").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await UserAdminKit.EditAsync(security, id, Stamp(await UserAdminKit.FormAsync(security, id)), [Roles.CommunityStaff], KangfuApp.CommunityB, "李审计")).StatusCode);
        foreach (var action in new[] { "disable", "enable", "unlock" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, id, action)).StatusCode);
        }
        var reset = JsonDocument.Parse(await UserAdminKit.BodyAsync(await UserAdminKit.ActAsync(security, id, "reset-password"))).RootElement.GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await UserAdminKit.EditAsync(security, id, Stamp(await UserAdminKit.FormAsync(security, id)), [Roles.AuditAdmin], displayName: "李审计")).StatusCode);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        await scope.ServiceProvider.GetRequiredService<UserSeeder>().EnrollAuthenticatorAsync((await users.FindByIdAsync(id))!, "KFAUDITROWSAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, id, "reset-mfa")).StatusCode);

        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id && a.UserName == "security").OrderBy(a => a.At).ThenBy(a => a.Sequence).ToListAsync());
        string[] expected = [AuditActions.UserCreated, AuditActions.UserUpdated, AuditActions.UserDisabled, AuditActions.UserEnabled, AuditActions.UserUnlocked,
            AuditActions.PasswordReset, AuditActions.UserUpdated, AuditActions.MfaReset];
        Assert.Equal(expected, rows.Select(r => r.Action).ToArray());
        Assert.All(rows, r => Assert.Equal("成功", r.Result));
        Assert.All(rows, r => Assert.Contains(Roles.SecurityAdmin, r.Roles ?? "", StringComparison.Ordinal));
        Assert.Equal($"{{\"AreaCode\":\"{KangfuApp.CommunityA}\",\"Direction\":null,\"DisplayName\":\"张*计\",\"InstitutionId\":null,\"Roles\":\"社区工作人员\",\"UserName\":\"{name}\"}}", rows[0].Changes);
        Assert.Equal($"{{\"AreaCode\":[\"{KangfuApp.CommunityA}\",\"{KangfuApp.CommunityB}\"],\"DisplayName\":[\"张*计\",\"李*计\"]}}", rows[1].Changes);
        Assert.Equal($"{{\"AreaCode\":[\"{KangfuApp.CommunityB}\",null],\"Roles\":[\"社区工作人员\",\"审计管理员\"]}}", rows[6].Changes);
        Assert.All(rows.Skip(2).Where(r => r.Action != AuditActions.UserUpdated), r => Assert.Equal($"{{\"UserName\":\"{name}\"}}", r.Changes));
        var holding = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Changes != null && (a.Changes.Contains(first) || a.Changes.Contains(reset))));
        Assert.Equal(0, holding);
        output.WriteLine($"FIGURE user audit: 8 actions → {rows.Count} rows ({string.Join(", ", rows.Select(r => r.Action))}), before/after masked; temporary passwords in {holding} audit rows");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserListTestsSqlite(SqliteApp app, ITestOutputHelper output) : UserListTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class UserListTestsPostgres(PostgresApp app, ITestOutputHelper output) : UserListTests(app, output);
