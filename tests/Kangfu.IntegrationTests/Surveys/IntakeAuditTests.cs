using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Surveys;

/// <summary>The intake form shows the full certificate number and phone: opening it is an audited sensitive read.</summary>
public abstract class IntakeAuditTests(KangfuApp app)
{
    [Fact]
    public async Task Opening_the_intake_form_writes_one_reveal_audit_row()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("community");

        var response = await client.GetAsync($"/api/persons/{person.Id}/intake");
        response.EnsureSuccessStatusCode();

        var audits = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityId == person.Id.ToString() && a.Action == AuditActions.Reveal).ToListAsync());
        var audit = Assert.Single(audits);
        Assert.Equal("community", audit.UserName);
        Assert.Contains("入户登记", audit.Changes, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IntakeAuditTestsSqlite(SqliteApp app) : IntakeAuditTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IntakeAuditTestsPostgres(PostgresApp app) : IntakeAuditTests(app);
