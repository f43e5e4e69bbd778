using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>认证：lockout after repeated failures, one message for every failure, TOTP for the admin roles.</summary>
public abstract class AuthenticationTests(KangfuApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_thirty_minutes_even_against_the_right_password()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        var attempts = 0;
        for (var i = 0; i < 5; i++)
        {
            attempts++;
            Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(client, user, "wrong-password-" + i)).StatusCode);
        }
        var right = await SecurityKit.LoginAsync(client, user, SecurityKit.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/persons")).StatusCode);

        var locked = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == user).LockoutEnd));
        Assert.NotNull(locked);
        var minutes = (locked.Value - TimeProvider.System.GetUtcNow()).TotalMinutes;
        Assert.InRange(minutes, 29, 30.5);

        var audit = await SecurityKit.AuditOfAsync(app, user);
        Assert.Equal(4, audit.Count(a => a.Action == AuditActions.LoginFailed));
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.LockedOut));
        Assert.All(audit, a => Assert.Equal("失败", a.Result));
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.Ip)));
        output.WriteLine($"FIGURE lockout: {attempts} wrong passwords → locked {minutes:F0} min; right password while locked rejected; {audit.Count} audit rows");
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_account_get_the_same_answer()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        var unknown = await SecurityKit.LoginAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..6], "whatever-password");
        var wrong = await SecurityKit.LoginAsync(client, user, "wrong-password");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var a = await unknown.Content.ReadAsStringAsync();
        var b = await wrong.Content.ReadAsStringAsync();
        Assert.Contains(LoginHandler.FailedMessage, a, StringComparison.Ordinal);
        Assert.Equal(Normalize(a), Normalize(b));

        // The form login redirects to the same error page for both.
        var token = await AntiforgeryAsync(client);
        var form1 = await client.PostAsync("/account/login", Form(token, "nobody-x", "whatever-password"));
        var form2 = await client.PostAsync("/account/login", Form(token, user, "wrong-password"));
        Assert.Equal(form1.Headers.Location, form2.Headers.Location);
    }

    [Fact]
    public async Task Admin_roles_need_a_valid_totp_code_and_every_bypass_attempt_fails()
    {
        var tried = 0;
        var succeeded = 0;
        foreach (var role in new[] { Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin })
        {
            var (user, secret) = await SecurityKit.NewUserAsync(app, role, mfa: true);
            var (other, otherSecret) = await SecurityKit.NewUserAsync(app, role, mfa: true);
            var now = TimeProvider.System.GetUtcNow();
            var current = Totp.Code(secret!, now);
            var bypasses = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Try)[]
            {
                ("no code", c => SecurityKit.LoginAsync(c, user, SecurityKit.Password)),
                ("empty code", c => SecurityKit.LoginAsync(c, user, SecurityKit.Password, "")),
                ("wrong code", c => SecurityKit.LoginAsync(c, user, SecurityKit.Password, current == "000000" ? "111111" : "000000")),
                ("other admin's code", c => SecurityKit.LoginAsync(c, user, SecurityKit.Password, Totp.Code(otherSecret!, now))),
                ("code from 10 minutes ago", c => SecurityKit.LoginAsync(c, user, SecurityKit.Password, Totp.Code(secret!, now.AddMinutes(-10)))),
                ("letters", c => SecurityKit.LoginAsync(c, user, SecurityKit.Password, "abcdef")),
                ("right code, wrong password", c => SecurityKit.LoginAsync(c, user, "wrong-password!", current)),
                ("form post without code", async c => await c.PostAsync("/account/login", Form(await AntiforgeryAsync(c), user, SecurityKit.Password))),
            };
            foreach (var (name, attempt) in bypasses)
            {
                using var client = SecurityKit.Client(app);
                var response = await attempt(client);
                tried++;
                var signedIn = (await client.GetAsync("/api/persons")).StatusCode != HttpStatusCode.Unauthorized
                    || (await client.GetAsync("/api/audit")).StatusCode != HttpStatusCode.Unauthorized;
                if (signedIn || response.StatusCode == HttpStatusCode.NoContent)
                {
                    succeeded++;
                    output.WriteLine($"MFA bypass succeeded: {role} {name}");
                }
                // Failures count towards the lockout: reset between attempts so every bypass is tried against an open account.
                await ResetLockoutAsync(user);
            }
            // Control: password plus the current code signs in.
            using var ok = SecurityKit.Client(app);
            Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(ok, user, SecurityKit.Password, Totp.Code(secret!, TimeProvider.System.GetUtcNow()))).StatusCode);
            var audit = await SecurityKit.AuditOfAsync(app, user);
            Assert.Contains(audit, a => a.Action == AuditActions.MfaFailed);
            Assert.Contains(audit, a => a.Action == AuditActions.Login && a.Changes == "mfa");
        }
        output.WriteLine($"FIGURE mfa-bypass: {tried} attempts, {succeeded} succeeded");
        Assert.Equal(24, tried);
        Assert.Equal(0, succeeded);
    }

    [Fact]
    public async Task Wrong_totp_codes_count_towards_the_lockout()
    {
        var (user, secret) = await SecurityKit.NewUserAsync(app, Roles.AuditAdmin, mfa: true);
        using var client = SecurityKit.Client(app);
        var current = Totp.Code(secret!, TimeProvider.System.GetUtcNow());
        for (var i = 0; i < 5; i++)
        {
            await SecurityKit.LoginAsync(client, user, SecurityKit.Password, current == "123456" ? "654321" : "123456");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password, current)).StatusCode);
    }

    [Fact]
    public async Task Disabled_account_cannot_sign_in()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        await SecurityKit.SetActiveAsync(app, user, false);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
    }

    private Task<int> ResetLockoutAsync(string user) => app.WithDbAsync(async db =>
    {
        var u = db.Users.Single(x => x.UserName == user);
        u.AccessFailedCount = 0;
        u.LockoutEnd = null;
        return await db.SaveChangesAsync();
    });

    private static string Normalize(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");

    internal static async Task<string> AntiforgeryAsync(HttpClient client)
    {
        var json = await client.GetStringAsync("/api/auth/antiforgery");
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("token").GetString()!;
    }

    internal static FormUrlEncodedContent Form(string token, string user, string password, string? code = null) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["userName"] = user,
        ["password"] = password,
        ["code"] = code ?? "",
    });
}

[Collection(SqliteCollection.Name)]
public sealed class AuthenticationTestsSqlite(SqliteApp app, ITestOutputHelper output) : AuthenticationTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class AuthenticationTestsPostgres(PostgresApp app, ITestOutputHelper output) : AuthenticationTests(app, output);
