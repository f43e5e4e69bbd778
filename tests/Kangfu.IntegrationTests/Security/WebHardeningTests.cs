using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Platform;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>Web 加固: security headers, no-store, secure cookies, antiforgery on the form login, rate limits with a Chinese 429.</summary>
public abstract class WebHardeningTests(KangfuApp app, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/api/persons")]
    [InlineData("/persons")]
    public async Task Pages_and_apis_carry_the_security_headers_and_are_not_cached(string url)
    {
        using var client = await app.LoginAsync("community");
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url} is cacheable");
    }

    [Fact]
    public async Task Https_requests_get_hsts_and_secure_cookies()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://kangfu.example.cn"), HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "community", password = KangfuApp.Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(";", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kangfu.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Form_login_without_antiforgery_token_is_rejected()
    {
        using var client = SecurityKit.Client(app);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "community",
            ["password"] = KangfuApp.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/persons")).StatusCode);
        // With the token the same form signs in.
        var token = await AuthenticationTests.AntiforgeryAsync(client);
        var ok = await client.PostAsync("/account/login", AuthenticationTests.Form(token, "community", KangfuApp.Password));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/persons")).StatusCode);
    }

    [Fact]
    public async Task Login_and_export_are_rate_limited_with_a_chinese_429()
    {
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Security:LoginPermitsPerMinute", "3");
            b.UseSetting("Security:ExportPermitsPerMinute", "2");
        });
        using var client = SecurityKit.Client(limited);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SecurityKit.LoginAsync(client, "nobody", "wrong-password")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var rejected = await SecurityKit.LoginAsync(client, "nobody", "wrong-password");
        Assert.Contains(WebHardening.TooManyRequests, await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var exporter = SecurityKit.Client(limited);
        var (user, _) = await SecurityKit.NewUserAsync(limited, Kangfu.Web.Modules.Access.Roles.CommunityStaff, KangfuApp.CommunityA);
        // The login window of this IP is used up: sign in on the limiter-free host, then export on the limited one with that cookie.
        var exports = new List<HttpStatusCode>();
        var cookie = (await SecurityKit.LoginCookieAsync(app, user)) ?? "";
        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/persons/export.xlsx");
            request.Headers.Add("Cookie", cookie);
            exports.Add((await exporter.SendAsync(request)).StatusCode);
        }
        output.WriteLine("FIGURE rate-limit: login " + string.Join(",", statuses.Select(s => (int)s)) + "; export " + string.Join(",", exports.Select(s => (int)s)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], exports);
    }

    [Fact]
    public async Task Login_is_rate_limited_per_user_name_with_the_same_answer_for_unknown_names()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Security:LoginPermitsPerUserPerMinute", "3"));
        var (user, _) = await SecurityKit.NewUserAsync(limited, Kangfu.Web.Modules.Access.Roles.CommunityStaff, KangfuApp.CommunityA);
        var (bystander, _) = await SecurityKit.NewUserAsync(limited, Kangfu.Web.Modules.Access.Roles.CommunityStaff, KangfuApp.CommunityA);
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        using var client = SecurityKit.Client(limited);
        async Task<List<HttpStatusCode>> TryFiveAsync(string name, string password)
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                statuses.Add((await SecurityKit.LoginAsync(client, name, password)).StatusCode);
            }
            return statuses;
        }
        var known = await TryFiveAsync(user, "wrong-password");
        var unknownStatuses = await TryFiveAsync(unknown, "wrong-password");
        HttpStatusCode[] expected = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests];
        Assert.Equal(expected, known);
        Assert.Equal(expected, unknownStatuses);
        // Same answer for an existing and an unknown name; the right password does not pass the limit; the name is matched trimmed and case-blind.
        var a = await SecurityKit.LoginAsync(client, user, SecurityKit.Password);
        var b = await SecurityKit.LoginAsync(client, " " + unknown.ToUpperInvariant(), "wrong-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, b.StatusCode);
        var bodyA = await a.Content.ReadAsStringAsync();
        Assert.Equal(bodyA, await b.Content.ReadAsStringAsync());
        Assert.Contains(WebHardening.TooManyRequests, bodyA, StringComparison.Ordinal);
        Assert.Equal("60", a.Headers.RetryAfter?.ToString());
        // Another name from the same IP is not affected (the per-IP limit is separate).
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, bystander, SecurityKit.Password)).StatusCode);
        output.WriteLine("FIGURE rate-limit per name (limit 3): existing " + string.Join(",", known.Select(s => (int)s)) + "; unknown " + string.Join(",", unknownStatuses.Select(s => (int)s)) + "; identical 429 bodies; other name 204");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WebHardeningTestsSqlite(SqliteApp app, ITestOutputHelper output) : WebHardeningTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class WebHardeningTestsPostgres(PostgresApp app, ITestOutputHelper output) : WebHardeningTests(app, output);
