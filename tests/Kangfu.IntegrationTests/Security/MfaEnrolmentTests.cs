using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Access.Mfa;
using Kangfu.Web.Modules.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>双因素认证: enrolment-only session of a new admin, confirming a pending key, replacing a live one.</summary>
public abstract partial class MfaEnrolmentTests(KangfuApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Admin_without_authenticator_gets_an_enrolment_only_session_that_reaches_nothing_else()
    {
        var routes = Routes();
        int attempts = 0, succeeded = 0, pages = 0, apis = 0;
        foreach (var role in new[] { Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin })
        {
            var (user, _) = await SecurityKit.NewUserAsync(app, role);
            using var client = SecurityKit.Client(app);
            var login = await SecurityKit.LoginAsync(client, user, SecurityKit.Password);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Contains("/account/mfa", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/mfa")).StatusCode);
            foreach (var (method, url) in routes)
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "DELETE")
                {
                    request.Content = JsonContent.Create(new { });
                }
                var response = await client.SendAsync(request);
                attempts++;
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                {
                    apis++;
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains(MfaEnrolmentGate.EnrolFirstMessage, StringComparison.Ordinal))
                    {
                        succeeded++;
                        output.WriteLine($"NOT BLOCKED {role} {method} {url} → {(int)response.StatusCode}");
                    }
                }
                else
                {
                    pages++;
                    if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/account/mfa")
                    {
                        succeeded++;
                        output.WriteLine($"NOT BLOCKED {role} {method} {url} → {(int)response.StatusCode} {response.Headers.Location}");
                    }
                }
            }
            var audit = await SecurityKit.AuditOfAsync(app, user);
            Assert.Contains(audit, a => a.Action == AuditActions.Login && a.Changes == "mfa-enrolment-only");
        }
        output.WriteLine($"FIGURE mfa-enrolment-only: 3 admin roles × {routes.Count} endpoint-verbs = {attempts} attempts ({pages} page, {apis} API), {succeeded} succeeded");
        Assert.True(routes.Count >= 50, $"only {routes.Count} routes");
        Assert.Equal(0, succeeded);
    }

    [Fact]
    public async Task First_enrolment_needs_a_current_code_of_the_pending_key_then_the_admin_signs_in_with_it()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.AuditAdmin);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.OK, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
        var key = await PendingKeyAsync(client);
        Assert.Equal(key, await PendingKeyAsync(client));

        var wrong = await client.PostAsJsonAsync("/api/account/mfa", new { code = OtherCode(key) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("验证码：不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);

        var ok = await client.PostAsJsonAsync("/api/account/mfa", new { code = Totp.Code(key, TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"signInAgain\":true", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The restricted session has ended; the admin signs in again with password and code.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/mfa")).StatusCode);
        using var fresh = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecurityKit.LoginAsync(fresh, user, SecurityKit.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(fresh, user, SecurityKit.Password, Totp.Code(key, TimeProvider.System.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/audit")).StatusCode);

        var audit = await SecurityKit.AuditOfAsync(app, user);
        Assert.Single(audit, a => a.Action == AuditActions.MfaEnrolled && a.Result == "成功" && a.Changes == "first enrolment");
        Assert.Single(audit, a => a.Action == AuditActions.MfaEnrolled && a.Result == "失败" && a.Changes == "wrong code");
        Assert.All(audit, a => Assert.DoesNotContain(key, a.Changes ?? "", StringComparison.Ordinal));
        Assert.All(audit.Where(a => a.Action == AuditActions.MfaEnrolled), a => Assert.Contains(Roles.AuditAdmin, a.Roles ?? "", StringComparison.Ordinal));
        output.WriteLine($"FIGURE mfa-enrolment: wrong code → 400, nothing live; right code → enrolled, restricted session ended; {audit.Count(a => a.Action == AuditActions.MfaEnrolled)} mfa-enrolled rows, key in 0 audit rows");
    }

    [Fact]
    public async Task Replacing_a_key_needs_the_password_and_a_code_and_the_old_key_works_until_then()
    {
        var (user, oldKey) = await SecurityKit.NewUserAsync(app, Roles.AuditAdmin, mfa: true);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password, Totp.Code(oldKey!, TimeProvider.System.GetUtcNow()))).StatusCode);
        var newKey = await PendingKeyAsync(client);
        Assert.NotEqual(oldKey, newKey);
        var code = Totp.Code(newKey, TimeProvider.System.GetUtcNow());

        var refusals = new List<HttpStatusCode>
        {
            (await client.PostAsJsonAsync("/api/account/mfa", new { code })).StatusCode,
            (await client.PostAsJsonAsync("/api/account/mfa", new { code, currentPassword = "not-the-password-1" })).StatusCode,
            (await client.PostAsJsonAsync("/api/account/mfa", new { code = OtherCode(newKey), currentPassword = SecurityKit.Password })).StatusCode,
        };
        Assert.All(refusals, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        await AssertKeySignsInAsync(user, oldKey!, true);
        await AssertKeySignsInAsync(user, newKey, false);

        var ok = await client.PostAsJsonAsync("/api/account/mfa", new { code, currentPassword = SecurityKit.Password });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"signInAgain\":false", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);
        await AssertKeySignsInAsync(user, oldKey!, false);
        await AssertKeySignsInAsync(user, newKey, true);

        var audit = await SecurityKit.AuditOfAsync(app, user);
        Assert.Single(audit, a => a.Action == AuditActions.MfaEnrolled && a.Result == "成功" && a.Changes == "replaced");
        Assert.Single(audit, a => a.Action == AuditActions.MfaEnrolled && a.Changes == "wrong current password");
        Assert.All(audit, a => Assert.DoesNotContain(newKey, a.Changes ?? "", StringComparison.Ordinal));
        output.WriteLine($"FIGURE mfa-replace: {refusals.Count} refusals (no password, wrong password, wrong code) → 400, old key still signs in; after confirmation old key refused, new key signs in, this session kept");
    }

    [Fact]
    public async Task Mfa_page_shows_the_pending_key_as_qr_and_grouped_text_and_its_form_enrols()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.SecurityAdmin);
        using var client = SecurityKit.Client(app);
        var token = await AuthenticationTests.AntiforgeryAsync(client);
        var login = await client.PostAsync("/account/login", AuthenticationTests.Form(token, user, SecurityKit.Password));
        Assert.Equal("/account/mfa", login.Headers.Location?.OriginalString);
        Assert.Equal("/account/mfa", (await client.GetAsync("/persons")).Headers.Location?.OriginalString);

        var page = await client.GetStringAsync("/account/mfa");
        Assert.Contains("双因素认证", page, StringComparison.Ordinal);
        Assert.Contains("身份验证器", page, StringComparison.Ordinal);
        var png = Convert.FromBase64String(WebUtility.HtmlDecode(QrImage().Match(page).Groups[1].Value));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var grouped = GroupedKey().Match(page).Groups[1].Value;
        Assert.Matches("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$", grouped);
        var key = grouped.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(key, await PendingKeyAsync(client));
        Assert.Contains($"otpauth://totp/Kangfu:{user}?secret={key}&amp;issuer=Kangfu", page, StringComparison.Ordinal);

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["_handler"] = "confirm-mfa",
            ["Form.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()),
        });
        var confirmed = await client.PostAsync("/account/mfa", form);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.EndsWith("/login?mfa=enrolled", confirmed.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/login", (await client.GetAsync("/persons")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        await AssertKeySignsInAsync(user, key, true);
    }

    private async Task AssertKeySignsInAsync(string user, string key, bool expected)
    {
        using var client = SecurityKit.Client(app);
        var response = await SecurityKit.LoginAsync(client, user, SecurityKit.Password, Totp.Code(key, TimeProvider.System.GetUtcNow()));
        Assert.Equal(expected ? HttpStatusCode.NoContent : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> PendingKeyAsync(HttpClient client)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/account/mfa")).RootElement;
        Assert.Contains("issuer=Kangfu", json.GetProperty("uri").GetString(), StringComparison.Ordinal);
        return json.GetProperty("groupedKey").GetString()!.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>A 6-digit code that is not valid for the key in the ±2 step window.</summary>
    private static string OtherCode(string key)
    {
        var now = TimeProvider.System.GetUtcNow();
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    /// <summary>Every endpoint and verb except login, logout, the enrolment routes and framework internals; route values filled in.</summary>
    private List<(string Method, string Url)> Routes()
    {
        var list = new List<(string, string)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.StartsWith("/api/auth", StringComparison.Ordinal) || pattern.StartsWith("/account/mfa", StringComparison.Ordinal)
                || pattern.StartsWith("/api/account/mfa", StringComparison.Ordinal) || pattern.StartsWith("/_", StringComparison.Ordinal)
                || pattern is "/account/login" or "/account/logout" or "/login" || pattern.Contains('.', StringComparison.Ordinal) && !pattern.StartsWith("/api/", StringComparison.Ordinal)
                || pattern.StartsWith("/healthz", StringComparison.Ordinal) || pattern.StartsWith("/openapi", StringComparison.Ordinal))
            {
                continue;
            }
            var url = RouteValue().Replace(pattern, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "2026"
                : m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.CreateVersion7().ToString() : "x");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
            {
                // Pages are reached with GET; their form posts need the antiforgery token of a page the session cannot open.
                if (pattern.StartsWith("/api/", StringComparison.Ordinal) || method == "GET")
                {
                    list.Add((method, url));
                }
            }
        }
        return list.Distinct().ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex("class=\"mfa-qr\" src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("<code id=\"mfa-key\"[^>]*>([^<]+)</code>")]
    private static partial Regex GroupedKey();
}

[Collection(SqliteCollection.Name)]
public sealed class MfaEnrolmentTestsSqlite(SqliteApp app, ITestOutputHelper output) : MfaEnrolmentTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class MfaEnrolmentTestsPostgres(PostgresApp app, ITestOutputHelper output) : MfaEnrolmentTests(app, output);
