using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>修改密码 (POST /api/account/password): Chinese 400s, other sessions end within a minute, this one stays. Fake clock.</summary>
public abstract class ChangePasswordTests(KangfuApp app, ITestOutputHelper output)
{
    private const string NewPassword = "a-new-long-passphrase-2026";

    [Fact]
    public async Task Wrong_current_password_is_refused_in_chinese_audited_and_counted()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);

        var response = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "not-the-password-1", newPassword = NewPassword, confirmPassword = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("当前密码", body, StringComparison.Ordinal);
        Assert.Contains("不正确", body, StringComparison.Ordinal);
        var audit = await SecurityKit.AuditOfAsync(app, user);
        Assert.Contains(audit, a => a.Action == AuditActions.PasswordChanged && a.Result == "失败");
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == user).AccessFailedCount)));
        using var again = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(again, user, SecurityKit.Password)).StatusCode);
    }

    [Fact]
    public async Task Too_short_or_mismatched_new_password_is_refused_in_chinese()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);

        var tooShort = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = SecurityKit.Password, newPassword = "short-pw1", confirmPassword = "short-pw1" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        var body = await tooShort.Content.ReadAsStringAsync();
        Assert.Contains("新密码", body, StringComparison.Ordinal);
        Assert.Contains("至少 12 个字符", body, StringComparison.Ordinal);

        var mismatch = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = SecurityKit.Password, newPassword = NewPassword, confirmPassword = NewPassword + "x" });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("确认新密码", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The old password still works: nothing was changed.
        using var again = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(again, user, SecurityKit.Password)).StatusCode);
    }

    [Fact]
    public async Task Success_ends_the_other_session_within_a_minute_and_keeps_this_one()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        var (user, _) = await SecurityKit.NewUserAsync(host, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var other = SecurityKit.Client(host);
        using var changing = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(other, user, SecurityKit.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(changing, user, SecurityKit.Password)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2));
        var response = await changing.PostAsJsonAsync("/api/account/password", new { currentPassword = SecurityKit.Password, newPassword = NewPassword, confirmPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/persons?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await changing.GetAsync("/api/persons?pageSize=1")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await changing.GetAsync("/api/persons?pageSize=1")).StatusCode);

        // The refreshed cookie keeps the original sign-in time: active every 10 min, it still ends 8 h after the sign-in.
        var sinceSignIn = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(61) + TimeSpan.FromMinutes(5);
        while (sinceSignIn + TimeSpan.FromMinutes(10) < TimeSpan.FromHours(8))
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            sinceSignIn += TimeSpan.FromMinutes(10);
            Assert.Equal(HttpStatusCode.OK, (await changing.GetAsync("/api/persons?pageSize=1")).StatusCode);
        }
        clock.Advance(TimeSpan.FromHours(8) - sinceSignIn + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await changing.GetAsync("/api/persons?pageSize=1")).StatusCode);

        using var fresh = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(fresh, user, SecurityKit.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(fresh, user, NewPassword)).StatusCode);
        var audit = await SecurityKit.AuditOfAsync(app, user);
        Assert.Single(audit, a => a.Action == AuditActions.PasswordChanged && a.Result == "成功");
        output.WriteLine("FIGURE password change: other session out after 61 s, changing session alive at +61 s and +6 min, out at 8 h from its sign-in");
    }

    [Fact]
    public async Task Account_page_form_changes_the_password_and_keeps_the_session()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
        var page = await client.GetStringAsync("/account");
        Assert.Contains("修改密码", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"current-password\">当前密码</label>", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        async Task<HttpResponseMessage> PostAsync(string current, string next) =>
            await client.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "change-password",
                ["Form.CurrentPassword"] = current,
                ["Form.NewPassword"] = next,
                ["Form.ConfirmPassword"] = next,
            }));

        var wrong = await PostAsync("not-the-password-1", NewPassword);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("当前密码：不正确。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await PostAsync(SecurityKit.Password, NewPassword);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("密码已修改", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(ok.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("kangfu.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/persons?pageSize=1")).StatusCode);
        using var fresh = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(fresh, user, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_current_passwords_lock_the_account_and_end_the_session()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = default!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "not-the-password-" + i, newPassword = NewPassword, confirmPassword = NewPassword });
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized], statuses);
        Assert.Contains("账号已锁定", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The session has ended, and the account is locked even against the right password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/persons?pageSize=1")).StatusCode);
        using var again = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(again, user, SecurityKit.Password)).StatusCode);
        var locked = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == user).LockoutEnd));
        var minutes = (locked!.Value - TimeProvider.System.GetUtcNow()).TotalMinutes;
        Assert.InRange(minutes, 29, 30.5);
        var audit = await SecurityKit.AuditOfAsync(app, user);
        Assert.Equal(4, audit.Count(a => a.Action == AuditActions.PasswordChanged && a.Result == "失败"));
        Assert.Contains(audit, a => a.Action == AuditActions.LockedOut && a.Changes == "wrong current password (password change)");
        output.WriteLine($"FIGURE password-change lockout: {string.Join(",", statuses.Select(s => (int)s))}; locked {minutes:F0} min; session 401; {audit.Count(a => a.Result == "失败")} failure audit rows");
    }

    [Fact]
    public async Task Anonymous_caller_cannot_change_a_password()
    {
        using var client = SecurityKit.Client(app);
        var response = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = SecurityKit.Password, newPassword = NewPassword, confirmPassword = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChangePasswordTestsSqlite(SqliteApp app, ITestOutputHelper output) : ChangePasswordTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class ChangePasswordTestsPostgres(PostgresApp app, ITestOutputHelper output) : ChangePasswordTests(app, output);
