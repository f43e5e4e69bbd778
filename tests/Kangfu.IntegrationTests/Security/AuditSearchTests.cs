using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Audit.AuditSearch;

namespace Kangfu.IntegrationTests.Security;

/// <summary>The audit admin's search: filters, paging, and an export that is itself audited.</summary>
public abstract class AuditSearchTests(KangfuApp app)
{
    [Fact]
    public async Task Audit_admin_finds_a_users_reveals_and_failed_logins_and_the_export_is_audited()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using (var worker = SecurityKit.Client(app))
        {
            await SecurityKit.LoginAsync(worker, user, "wrong-password");
            (await SecurityKit.LoginAsync(worker, user, SecurityKit.Password)).EnsureSuccessStatusCode();
            var person = await app.AddPersonAsync(KangfuApp.CommunityA);
            (await worker.PostAsync($"/api/persons/{person.Id}/reveal", null)).EnsureSuccessStatusCode();
            (await worker.PostAsync($"/api/persons/{person.Id}/reveal", null)).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.Redirect, (await worker.PostAsync("/account/logout", null)).StatusCode);
        }
        using var auditor = await app.LoginAsync("auditor");
        var reveals = await auditor.GetFromJsonAsync<AuditPage>($"/api/audit?user={user}&action=reveal&pageSize=1");
        Assert.Equal(2, reveals!.Total);
        Assert.Single(reveals.Items);
        Assert.All(reveals.Items, r => Assert.Equal(user, r.UserName));
        var failed = await auditor.GetFromJsonAsync<AuditPage>($"/api/audit?user={user}&result=失败");
        Assert.Equal(AuditActions.LoginFailed, Assert.Single(failed!.Items).Action);
        var area = await auditor.GetFromJsonAsync<AuditPage>($"/api/audit?user={user}&area=120116001000&action=login");
        Assert.Equal(1, area!.Total);
        var future = await auditor.GetFromJsonAsync<AuditPage>($"/api/audit?user={user}&from=2999-01-01");
        Assert.Equal(0, future!.Total);

        var csv = await auditor.GetAsync($"/api/audit/export.csv?user={user}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("序号,时间(UTC),用户", text, StringComparison.Ordinal);
        Assert.Contains(user, text, StringComparison.Ordinal);
        var exports = await auditor.GetFromJsonAsync<AuditPage>($"/api/audit?user=auditor&action=export&entityType={nameof(AuditEntry)}");
        Assert.Contains(exports!.Items, e => e.Detail!.Contains(user, StringComparison.Ordinal));
        var logout = await auditor.GetFromJsonAsync<AuditPage>($"/api/audit?user={user}&action=logout");
        Assert.Equal(1, logout!.Total);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditSearchTestsSqlite(SqliteApp app) : AuditSearchTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditSearchTestsPostgres(PostgresApp app) : AuditSearchTests(app);
