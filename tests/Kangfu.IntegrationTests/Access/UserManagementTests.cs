using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Security;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Access.Mfa;
using Kangfu.Web.Modules.Audit;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Access;

/// <summary>用户管理: accounts created by the security admin, temporary passwords, field checks and the separation of duties.</summary>
public abstract class UserManagementTests(KangfuApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Created_account_gets_a_password_change_only_session_until_it_changes_the_temporary_password()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var name = UserAdminKit.NewName();
        var (id, temporary) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(name, Roles.CommunityStaff, KangfuApp.CommunityA));
        Assert.True(temporary.Length >= 16);

        using var client = SecurityKit.Client(app);
        var login = await SecurityKit.LoginAsync(client, name, temporary);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("\"next\":\"/account\"", await UserAdminKit.BodyAsync(login), StringComparison.Ordinal);
        var api = await client.GetAsync("/api/persons");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains(SessionGate.ChangeFirstMessage, await UserAdminKit.BodyAsync(api), StringComparison.Ordinal);
        Assert.Equal("/account", (await client.GetAsync("/persons")).Headers.Location?.OriginalString);
        Assert.Equal("/account", (await client.GetAsync("/account/mfa")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);

        var same = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = temporary, newPassword = temporary, confirmPassword = temporary });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        var changed = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = temporary, newPassword = UserAdminKit.NewPassword, confirmPassword = UserAdminKit.NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/persons")).StatusCode);
        using var again = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(again, name, UserAdminKit.NewPassword)).StatusCode);

        var audit = await SecurityKit.AuditOfAsync(app, name);
        Assert.Contains(audit, a => a.Action == AuditActions.Login && a.Changes == "password-change-only");
        Assert.Single(audit, a => a.Action == AuditActions.PasswordChanged && a.Result == "成功" && a.Changes == "temporary password replaced");
        var created = Assert.Single(await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.EntityId == id && a.Action == AuditActions.UserCreated).ToList())));
        Assert.Equal("security", created.UserName);
        Assert.Contains("\"DisplayName\":\"张*试\"", created.Changes, StringComparison.Ordinal);
        output.WriteLine($"FIGURE must-change: temporary password {temporary.Length} chars; login → 200 next=/account; /api/persons 403, /persons and /account/mfa → /account; same password again 400; after the change /api/persons 200 in the same session");
    }

    [Fact]
    public async Task New_admin_account_changes_the_temporary_password_then_enrols_an_authenticator()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var name = UserAdminKit.NewName();
        var (_, temporary) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(name, Roles.AuditAdmin));
        using var client = SecurityKit.Client(app);
        Assert.Contains("/account\"", await UserAdminKit.BodyAsync(await SecurityKit.LoginAsync(client, name, temporary)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/account/mfa")).StatusCode);
        var changed = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = temporary, newPassword = UserAdminKit.NewPassword, confirmPassword = UserAdminKit.NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var audit = await client.GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Contains(MfaEnrolmentGate.EnrolFirstMessage, await UserAdminKit.BodyAsync(audit), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/mfa")).StatusCode);
        output.WriteLine("FIGURE new admin: temporary password → password-change-only; after the change → enrolment-only (/api/audit 403, /api/account/mfa 200)");
    }

    [Fact]
    public async Task Duplicate_and_invalid_accounts_are_refused_in_chinese_naming_the_field()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var cases = new (object Account, string Expected)[]
        {
            (UserAdminKit.Account("community", Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：已被使用"),
            (UserAdminKit.Account("COMMUNITY", Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：已被使用"),
            (UserAdminKit.Account("", Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：请填写"),
            (UserAdminKit.Account("ab", Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：须为 3 至 32 个字符"),
            (UserAdminKit.Account("张三丰", Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：须为 3 至 32 个字符"),
            (UserAdminKit.Account("1abc", Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：须为 3 至 32 个字符"),
            (UserAdminKit.Account("a b c", Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：须为 3 至 32 个字符"),
            (UserAdminKit.Account("x" + new string('a', 32), Roles.CommunityStaff, KangfuApp.CommunityA), "用户名：须为 3 至 32 个字符"),
            (UserAdminKit.Account("system", Roles.CommunityStaff, KangfuApp.CommunityA), "系统保留"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.CommunityStaff, KangfuApp.CommunityA, displayName: " "), "姓名：请填写"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.CommunityStaff, KangfuApp.CommunityA, displayName: new string('名', 51)), "姓名：不能超过 50 个字"),
            (UserAdminKit.Account(UserAdminKit.NewName(), "Superuser"), "角色：包含未知的角色"),
            (new { userName = UserAdminKit.NewName(), displayName = "张测试", roles = Array.Empty<string>() }, "角色：请至少选择一个角色"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.CommunityStaff), "管辖区域：请选择一个社区（村）"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.CommunityStaff, "120116001000"), "管辖区域：请选择一个社区（村）"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.StreetCoordinator, KangfuApp.CommunityA), "管辖区域：请选择一个街道（乡镇）"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.CommunityStaff, "120101001001"), "管辖区域：不是本区的街道或社区"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.RehabInstitution), "所属机构：请选择机构"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.RehabInstitution, institution: Guid.NewGuid()), "所属机构：不是本区启用的服务机构"),
            (UserAdminKit.Account(UserAdminKit.NewName(), Roles.DeviceTechnician, institution: Guid.NewGuid()), "辅具方向：请至少选择一个辅具方向"),
        };
        foreach (var (account, expected) in cases)
        {
            var response = await security.PostAsJsonAsync("/api/users", account);
            var body = await UserAdminKit.BodyAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{expected}: {(int)response.StatusCode} {body}");
            Assert.Contains(expected, body, StringComparison.Ordinal);
        }
        var accounts = await app.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.UserName == "system" || u.UserName == "ab" || u.DisplayName.Length > 50)));
        Assert.Equal(0, accounts);
        output.WriteLine($"FIGURE invalid accounts: {cases.Length} refused with a Chinese 400 naming the field (user name taken in any case, shape, reserved; name; roles; scope; institution; device direction), 0 created");
    }

    [Fact]
    public async Task Admin_role_combinations_are_refused_on_create_and_edit_and_audited()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        string[][] combinations =
        [
            [Roles.DistrictAdmin, Roles.SecurityAdmin], [Roles.SecurityAdmin, Roles.AuditAdmin], [Roles.DistrictAdmin, Roles.AuditAdmin],
            [Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin], [Roles.AuditAdmin, Roles.DistrictReviewer], [Roles.SecurityAdmin, Roles.DistrictApprover],
            [Roles.DistrictAdmin, Roles.DistrictReviewer], [Roles.SecurityAdmin, Roles.CommunityStaff], [Roles.RehabInstitution, Roles.CommunityStaff],
            [Roles.StreetCoordinator, Roles.CommunityStaff],
        ];
        var refused = 0;
        var names = new List<string>();
        foreach (var roles in combinations)
        {
            names.Add(UserAdminKit.NewName());
            var response = await security.PostAsJsonAsync("/api/users", new { userName = names[^1], displayName = "组合测试", roles, areaCode = KangfuApp.CommunityA, institutionId = Guid.NewGuid() });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("角色：", await UserAdminKit.BodyAsync(response), StringComparison.Ordinal);
            refused++;
        }
        var (id, _) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(UserAdminKit.NewName(), Roles.DistrictReviewer));
        foreach (var roles in combinations.Take(7))
        {
            var form = await UserAdminKit.FormAsync(security, id);
            var response = await UserAdminKit.EditAsync(security, id, form.GetProperty("concurrencyStamp").GetString()!, roles);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("三权分立", await UserAdminKit.BodyAsync(response), StringComparison.Ordinal);
            refused++;
        }
        Assert.Equal([Roles.DistrictReviewer], (await UserAdminKit.FormAsync(security, id)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var rows = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.Result == "失败"
            && (a.Action == AuditActions.UserCreated || (a.Action == AuditActions.UserUpdated && a.EntityId == id))).ToList()));
        var failures = names.Count(n => rows.Exists(a => a.Action == AuditActions.UserCreated && a.Changes!.Contains(n, StringComparison.Ordinal)))
            + rows.Count(a => a.Action == AuditActions.UserUpdated);
        Assert.All(rows.Where(a => a.EntityId == id || names.Exists(n => a.Changes!.Contains(n, StringComparison.Ordinal))), a => Assert.Equal("security", a.UserName));
        Assert.Equal(refused, failures);
        output.WriteLine($"FIGURE separation of duties: {combinations.Length} combinations on create + 7 on edit = {refused} refused (400), {failures} audit rows with 失败, roles unchanged");
    }

    [Fact]
    public async Task Security_admin_cannot_change_disable_or_reset_their_own_account()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var id = await UserAdminKit.IdOfAsync(app, "security");
        var stamp = (await UserAdminKit.FormAsync(security, id)).GetProperty("concurrencyStamp").GetString()!;
        var attempts = new[]
        {
            await UserAdminKit.EditAsync(security, id, stamp, [Roles.DistrictReviewer], displayName: "安全管理员"),
            await UserAdminKit.EditAsync(security, id, stamp, [Roles.SecurityAdmin, Roles.AuditAdmin], displayName: "安全管理员"),
            await UserAdminKit.ActAsync(security, id, "disable"),
            await UserAdminKit.ActAsync(security, id, "reset-mfa"),
            await UserAdminKit.ActAsync(security, id, "reset-password"),
        };
        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("不能修改自己的角色", await UserAdminKit.BodyAsync(attempts[0]), StringComparison.Ordinal);
        Assert.Contains("不能停用自己的账号", await UserAdminKit.BodyAsync(attempts[2]), StringComparison.Ordinal);
        // The display name of one's own account may change; roles stay.
        var renamed = await UserAdminKit.EditAsync(security, id, stamp, [Roles.SecurityAdmin], displayName: "安全管理员");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync("/api/users")).StatusCode);
        output.WriteLine($"FIGURE own account: {attempts.Length} attempts (demote, add a second admin role, disable, reset authenticator, reset password) → 400; own display name 200; session still works");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserManagementTestsSqlite(SqliteApp app, ITestOutputHelper output) : UserManagementTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class UserManagementTestsPostgres(PostgresApp app, ITestOutputHelper output) : UserManagementTests(app, output);
