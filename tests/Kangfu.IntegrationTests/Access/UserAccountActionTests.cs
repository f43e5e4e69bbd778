using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Security;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Access;

/// <summary>用户管理: disable, enable, unlock, reset password, reset authenticator; the last-admin rule. Fake clock for the 60 s account check.</summary>
public abstract class UserAccountActionTests(KangfuApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Disabled_account_is_out_within_a_minute_and_enabled_again_signs_in()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        using var security = await UserAdminKit.SecurityAdminAsync(host);
        var (user, _) = await SecurityKit.NewUserAsync(host, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var session = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(session, user, SecurityKit.Password)).StatusCode);
        var id = await UserAdminKit.IdOfAsync(app, user);

        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, id, "disable")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/persons")).StatusCode);
        using var refused = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(refused, user, SecurityKit.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, id, "enable")).StatusCode);
        using var again = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(again, user, SecurityKit.Password)).StatusCode);
        output.WriteLine("FIGURE disable: session 401 after 61 s, login 401; enable → login 204");
    }

    [Fact]
    public async Task Locked_account_is_unlocked_before_its_thirty_minutes()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        for (var i = 0; i < 5; i++)
        {
            await SecurityKit.LoginAsync(client, user, "not-the-password-" + i);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
        Assert.Contains("\"status\":2", await security.GetStringAsync($"/api/users?q={user}&status=Locked"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, await UserAdminKit.IdOfAsync(app, user), "unlock")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
        Assert.Contains("\"total\":1", await security.GetStringAsync($"/api/users?q={user}&status=Active"), StringComparison.Ordinal);
        output.WriteLine("FIGURE unlock: 5 wrong passwords → locked (listed 已锁定), right password 401; unlock → 204, right password signs in");
    }

    [Fact]
    public async Task Password_reset_ends_the_sessions_and_the_temporary_password_must_be_changed()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        using var security = await UserAdminKit.SecurityAdminAsync(host);
        var (user, _) = await SecurityKit.NewUserAsync(host, Roles.StreetCoordinator, "120116001000");
        using var session = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(session, user, SecurityKit.Password)).StatusCode);

        var reset = await UserAdminKit.ActAsync(security, await UserAdminKit.IdOfAsync(app, user), "reset-password");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = System.Text.Json.JsonDocument.Parse(await UserAdminKit.BodyAsync(reset)).RootElement.GetProperty("temporaryPassword").GetString()!;
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/persons")).StatusCode);
        using var old = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(old, user, SecurityKit.Password)).StatusCode);
        using var fresh = SecurityKit.Client(host);
        var login = await SecurityKit.LoginAsync(fresh, user, temporary);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("\"next\":\"/account\"", await UserAdminKit.BodyAsync(login), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/persons")).StatusCode);
        output.WriteLine($"FIGURE reset password: old session 401 after 61 s, old password 401, temporary password ({temporary.Length} chars) → password-change-only session");
    }

    [Fact]
    public async Task Authenticator_reset_ends_the_sessions_and_the_next_login_is_enrolment_only()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        using var security = await UserAdminKit.SecurityAdminAsync(host);
        var (user, secret) = await SecurityKit.NewUserAsync(host, Roles.AuditAdmin, mfa: true);
        using var session = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(session, user, SecurityKit.Password, Totp.Code(secret!, clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/audit")).StatusCode);
        var (caseWorker, _) = await SecurityKit.NewUserAsync(host, Roles.CommunityStaff, KangfuApp.CommunityA);
        var notAdmin = await UserAdminKit.ActAsync(security, await UserAdminKit.IdOfAsync(app, caseWorker), "reset-mfa");
        Assert.Equal(HttpStatusCode.BadRequest, notAdmin.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, await UserAdminKit.IdOfAsync(app, user), "reset-mfa")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/audit")).StatusCode);
        using var fresh = SecurityKit.Client(host);
        var login = await SecurityKit.LoginAsync(fresh, user, SecurityKit.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("/account/mfa", await UserAdminKit.BodyAsync(login), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/account/mfa")).StatusCode);
        output.WriteLine("FIGURE reset authenticator: session 401 after 61 s; password-only login → 200 next=/account/mfa (enrolment-only); non-admin account 400");
    }

    [Fact]
    public async Task Open_circuits_lose_the_account_at_their_next_check_after_a_disable_or_reset()
    {
        using var security = await UserAdminKit.SecurityAdminAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var state = (RevalidatingAccountState)scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        var signIn = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<AppUser>>();
        var results = new List<bool>();
        foreach (var action in new[] { "disable", "reset-password" })
        {
            var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
            var account = await signIn.UserManager.FindByNameAsync(user);
            var principal = await signIn.CreateUserPrincipalAsync(account!);
            results.Add(await state.IsCurrentAsync(principal));
            Assert.True(results[^1]);
            Assert.True((await UserAdminKit.ActAsync(security, account!.Id, action)).IsSuccessStatusCode);
            results.Add(await state.IsCurrentAsync(principal));
            Assert.False(results[^1]);
        }
        output.WriteLine($"FIGURE circuits: account check of an open circuit before/after disable and reset-password: {string.Join(", ", results)}");
    }

    [Fact]
    public async Task Last_enabled_account_of_an_admin_role_cannot_be_disabled_or_demoted()
    {
        var (_, admins) = await UserAdminKit.DistrictAsync(app);
        var (securityName, securitySecret) = admins[Roles.SecurityAdmin];
        using var security = await UserAdminKit.SecurityAdminAsync(app, securityName, securitySecret);
        var auditor = await UserAdminKit.IdOfAsync(app, admins[Roles.AuditAdmin].UserName);
        var system = await UserAdminKit.IdOfAsync(app, admins[Roles.DistrictAdmin].UserName);

        var disableLast = await UserAdminKit.ActAsync(security, auditor, "disable");
        Assert.Equal(HttpStatusCode.BadRequest, disableLast.StatusCode);
        Assert.Contains("最后一个启用的审计管理员", await UserAdminKit.BodyAsync(disableLast), StringComparison.Ordinal);
        var stamp = (await UserAdminKit.FormAsync(security, system)).GetProperty("concurrencyStamp").GetString()!;
        var demoteLast = await UserAdminKit.EditAsync(security, system, stamp, [Roles.DistrictReviewer]);
        Assert.Equal(HttpStatusCode.BadRequest, demoteLast.StatusCode);
        Assert.Contains("最后一个启用的区系统管理员", await UserAdminKit.BodyAsync(demoteLast), StringComparison.Ordinal);

        var (second, _) = await UserAdminKit.CreateAsync(security, UserAdminKit.Account(UserAdminKit.NewName(), Roles.AuditAdmin));
        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, auditor, "disable")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UserAdminKit.ActAsync(security, second, "disable")).StatusCode);
        var secondStamp = (await UserAdminKit.FormAsync(security, second)).GetProperty("concurrencyStamp").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await UserAdminKit.EditAsync(security, second, secondStamp, [Roles.DistrictReviewer])).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await UserAdminKit.ActAsync(security, auditor, "enable")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UserAdminKit.EditAsync(security, second, secondStamp, [Roles.DistrictReviewer])).StatusCode);

        var stale = await UserAdminKit.EditAsync(security, second, secondStamp, [Roles.DistrictApprover]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被其他管理员修改", await UserAdminKit.BodyAsync(stale), StringComparison.Ordinal);
        var refusals = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.UserName == securityName && a.Result == "失败")));
        Assert.Equal(4, refusals);
        output.WriteLine($"FIGURE last admin: disable last audit admin 400, demote last system admin 400; with a second audit admin: first disabled 204, second (now last) disable 400 / demote 400; first enabled again → second demoted 200; stale stamp 409; {refusals} refusals audited 失败");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserAccountActionTestsSqlite(SqliteApp app, ITestOutputHelper output) : UserAccountActionTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class UserAccountActionTestsPostgres(PostgresApp app, ITestOutputHelper output) : UserAccountActionTests(app, output);
