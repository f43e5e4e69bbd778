using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Security;

/// <summary>A clock the test moves by hand (sessions, lockout).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Fresh accounts (so lockouts and disabled accounts never touch the shared demo logins) and login helpers.</summary>
internal static class SecurityKit
{
    public const string Password = KangfuApp.Password;

    public static async Task<(string UserName, string? Secret)> NewUserAsync(WebApplicationFactory<Program> app, string role,
        string? area = null, bool mfa = false)
    {
        var userName = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<UserSeeder>();
        var user = await seeder.EnsureUserAsync(new NewUser(userName, "测试账号", role, KangfuApp.District, area), Password);
        if (!mfa)
        {
            return (userName, null);
        }
        var secret = ("KFTEST" + Guid.NewGuid().ToString("N").ToUpperInvariant().Replace('0', 'Q').Replace('1', 'R').Replace('8', 'S').Replace('9', 'T'))[..32];
        await seeder.EnrollAuthenticatorAsync(user, secret);
        return (userName, secret);
    }

    public static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password, string? code = null) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password, code });

    /// <summary>Signs in without a cookie container and returns the "kangfu.auth=…" cookie.</summary>
    public static async Task<string?> LoginCookieAsync(WebApplicationFactory<Program> app, string userName)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await LoginAsync(client, userName, Password, Totp.CodeFor(userName));
        return response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith("kangfu.auth=", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).FirstOrDefault()
            : null;
    }

    /// <summary>The same app with a hand-moved clock (a second host on the same database).</summary>
    public static WebApplicationFactory<Program> WithClock(KangfuApp app, ManualClock clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    public static Task<List<AuditEntry>> AuditOfAsync(KangfuApp app, string userName) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == userName).OrderBy(a => a.At).ThenBy(a => a.Sequence).ToListAsync());

    public static async Task SetActiveAsync(KangfuApp app, string userName, bool active) =>
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            user.IsActive = active;
            return await db.SaveChangesAsync();
        });
}
