using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Security;
using Kangfu.Web.Modules.Access;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Access;

/// <summary>The security admin's calls to /api/users, and fresh accounts and districts for user management tests.</summary>
internal static class UserAdminKit
{
    public const string NewPassword = "a-fresh-long-passphrase-2026";

    /// <summary>The demo security admin ("security", password + TOTP) on the given host.</summary>
    public static async Task<HttpClient> SecurityAdminAsync(WebApplicationFactory<Program> host, string userName = "security", string? secret = null)
    {
        var client = SecurityKit.Client(host);
        var code = secret is null ? Totp.CodeFor(userName) : Totp.Code(secret, TimeProvider.System.GetUtcNow());
        var login = await SecurityKit.LoginAsync(client, userName, SecurityKit.Password, code);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        return client;
    }

    public static object Account(string userName, string role, string? area = null, string displayName = "张测试", Guid? institution = null) =>
        new { userName, displayName, roles = new[] { role }, areaCode = area, institutionId = institution };

    /// <summary>Creates an account through the API: its id and temporary password.</summary>
    public static async Task<(string Id, string Password)> CreateAsync(HttpClient security, object account)
    {
        var response = await security.PostAsJsonAsync("/api/users", account);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (json.GetProperty("id").GetString()!, json.GetProperty("temporaryPassword").GetString()!);
    }

    public static string NewName() => "u" + Guid.NewGuid().ToString("N")[..10];

    public static Task<string> IdOfAsync(KangfuApp app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>The account's edit form as loaded (with its concurrency stamp).</summary>
    public static async Task<JsonElement> FormAsync(HttpClient security, string id) =>
        JsonDocument.Parse(await security.GetStringAsync($"/api/users/{id}")).RootElement.GetProperty("input");

    public static Task<HttpResponseMessage> EditAsync(HttpClient security, string id, string stamp, string[] roles, string? area = null, string displayName = "张测试") =>
        security.PutAsJsonAsync($"/api/users/{id}", new { displayName, roles, areaCode = area, concurrencyStamp = stamp });

    public static Task<HttpResponseMessage> ActAsync(HttpClient security, string id, string action) =>
        security.PostAsync($"/api/users/{id}/{action}", null);

    /// <summary>A district of its own with one account per admin role (all with an authenticator): the last-admin rule counts only these.</summary>
    public static async Task<(string District, Dictionary<string, (string UserName, string Secret)> Admins)> DistrictAsync(KangfuApp app)
    {
        var district = "13" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var admins = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<UserSeeder>();
        foreach (var role in new[] { Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin })
        {
            var name = NewName();
            var user = await seeder.EnsureUserAsync(new NewUser(name, "管理员" + name[..4], role, district), SecurityKit.Password);
            var secret = ("KFUSER" + Guid.NewGuid().ToString("N").ToUpperInvariant().Replace('0', 'Q').Replace('1', 'R').Replace('8', 'S').Replace('9', 'T'))[..32];
            await seeder.EnrollAuthenticatorAsync(user, secret);
            admins[role] = (name, secret);
        }
        return (district, admins);
    }

    public static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
