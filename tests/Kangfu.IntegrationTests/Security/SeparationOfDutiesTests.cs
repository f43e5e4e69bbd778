using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>三权分立: system admin, security admin and audit admin cannot do each other's work; nobody edits or deletes audit rows.</summary>
public abstract class SeparationOfDutiesTests(KangfuApp app, ITestOutputHelper output)
{
    /// <summary>(login, method, url, allowed): the work of each admin, tried by all three.</summary>
    public static TheoryData<string, string, string, bool> Work() => new()
    {
        // Audit admin's work: reading and exporting the audit log.
        { "auditor", "GET", "/api/audit", true },
        { "auditor", "GET", "/api/audit/export.csv", true },
        { "admin", "GET", "/api/audit", false },
        { "admin", "GET", "/api/audit/export.csv", false },
        { "security", "GET", "/api/audit", false },
        { "security", "GET", "/api/audit/export.csv", false },
        // System admin's work: the registry, exports, catalog, survey campaigns.
        { "admin", "GET", "/api/persons", true },
        { "admin", "GET", "/api/persons/export.xlsx", true },
        { "auditor", "GET", "/api/persons", false },
        { "auditor", "GET", "/api/persons/export.xlsx", false },
        { "auditor", "POST", "/api/persons", false },
        { "auditor", "POST", "/api/surveys/campaigns", false },
        { "security", "GET", "/api/persons", false },
        { "security", "GET", "/api/persons/export.xlsx", false },
        { "security", "POST", "/api/persons", false },
        { "security", "POST", "/api/surveys/campaigns", false },
        // Security admin's work: user management (every user endpoint: Access/UserListTests).
        { "security", "GET", "/api/users", true },
        { "admin", "GET", "/api/users", false },
        { "admin", "POST", "/api/users", false },
        { "auditor", "GET", "/api/users", false },
        { "auditor", "POST", "/api/users", false },
    };

    [Theory]
    [MemberData(nameof(Work))]
    public async Task Admins_cannot_do_each_others_work(string login, string method, string url, bool allowed)
    {
        using var client = await app.LoginAsync(login);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        var response = await client.SendAsync(request);
        if (allowed)
        {
            Assert.True(response.IsSuccessStatusCode, $"{login} {method} {url} → {(int)response.StatusCode}");
        }
        else
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
    }

    [Theory]
    [InlineData("security")]
    [InlineData("auditor")]
    public async Task Security_and_audit_admins_have_no_case_work(string login)
    {
        using var client = await app.LoginAsync(login);
        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/cases")).RootElement;
        Assert.Equal(0, json.GetProperty("counts").GetArrayLength());
        Assert.Equal(0, json.GetProperty("cases").GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("admin", false)]
    [InlineData("security", false)]
    [InlineData("auditor", true)]
    public async Task Only_the_audit_admin_opens_the_audit_page(string login, bool allowed)
    {
        using var client = await app.LoginAsync(login);
        var response = await client.GetAsync("/audit");
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("审计日志", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/forbidden", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_three_admin_roles_share_no_permission_and_only_the_audit_admin_reads_the_audit()
    {
        string[] admins = [Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin];
        var granted = admins.ToDictionary(r => r, r => Enum.GetValues<Permission>().Where(p => Permissions.Allows([r], p)).ToHashSet());
        foreach (var a in admins)
        {
            foreach (var b in admins.Where(b => b != a))
            {
                Assert.Empty(granted[a].Intersect(granted[b]));
            }
        }
        Assert.Equal([Permission.AuditRead], granted[Roles.AuditAdmin]);
        Assert.Equal([Permission.UserManage], granted[Roles.SecurityAdmin]);
        Assert.All(Roles.All.Where(r => r != Roles.AuditAdmin), r => Assert.False(Permissions.Allows([r], Permission.AuditRead)));
        Assert.All(Roles.All.Where(r => r != Roles.SecurityAdmin), r => Assert.False(Permissions.Allows([r], Permission.UserManage)));
    }

    [Fact]
    public void No_endpoint_changes_or_deletes_audit_rows()
    {
        var audit = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/audit", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .ToList();
        output.WriteLine("audit endpoints' verbs: " + string.Join(",", audit));
        Assert.NotEmpty(audit);
        Assert.All(audit, m => Assert.Contains(m, new[] { "GET", "HEAD" }));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SeparationOfDutiesTestsSqlite(SqliteApp app, ITestOutputHelper output) : SeparationOfDutiesTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class SeparationOfDutiesTestsPostgres(PostgresApp app, ITestOutputHelper output) : SeparationOfDutiesTests(app, output);
