using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Subsidies;

/// <summary>Applications the catalog rules refuse (category, age on the application date, certificate, amount caps, service life).</summary>
public abstract class EligibilityTests(KangfuApp app)
{
    [Fact]
    public async Task Ineligible_applications_are_refused_with_the_catalog_reason()
    {
        using var community = await app.LoginAsync("community");
        var child = await app.AddItemCaseAsync("L-TRN-01");
        Assert.Contains("不在该项目的年龄范围（0–6岁）内", await (await community.TryApplyAsync(child.Id)).ProblemAsync(HttpStatusCode.BadRequest));
        var visual = await app.AddItemCaseAsync("V-TRN-02");
        Assert.Contains("残疾类别不符：该项目适用于视力残疾", await (await community.TryApplyAsync(visual.Id)).ProblemAsync(HttpStatusCode.BadRequest));
        var free = await app.AddItemCaseAsync("L-TRN-02");
        Assert.Contains("没有补贴标准", await (await community.TryApplyAsync(free.Id)).ProblemAsync(HttpStatusCode.BadRequest));

        var wheelchair = await app.AddItemCaseAsync();
        var tooMuch = await community.TryApplyAsync(wheelchair.Id, new { caseId = wheelchair.Id, amountRequested = 5000m });
        Assert.Contains("不超过该项目本年度可申请额度¥1,200.00", await tooMuch.ProblemAsync(HttpStatusCode.BadRequest));
        await app.WithDbAsync(async db =>
        {
            var p = await db.Persons.FirstAsync(x => x.Id == wheelchair.PersonId);
            p.CertificateNumber = null;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Contains("须持有残疾人证", await (await community.TryApplyAsync(wheelchair.Id)).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, await app.WithDbAsync(db => db.SubsidyApplications.CountAsync(a => a.CaseId == child.Id || a.CaseId == visual.Id || a.CaseId == wheelchair.Id)));
    }

    [Fact]
    public async Task Service_life_not_yet_over_is_refused_on_the_application_date()
    {
        var earlier = await app.AddItemCaseAsync();
        var again = await app.AddItemCaseAsync();
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.FirstAsync(x => x.Id == again.Id);
            c.PersonId = earlier.PersonId;
            var e = await db.Cases.FirstAsync(x => x.Id == earlier.Id);
            e.CompletedOn = new DateOnly(SubsidyKit.Year, 1, 10);
            await db.SaveChangesAsync();
            return 0;
        });
        using var community = await app.LoginAsync("community");
        var refused = await community.TryApplyAsync(again.Id);
        Assert.Contains("使用年限48个月未满", await refused.ProblemAsync(HttpStatusCode.BadRequest));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EligibilityTestsSqlite(SqliteApp app) : EligibilityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EligibilityTestsPostgres(PostgresApp app) : EligibilityTests(app);
