using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Kangfu.IntegrationTests.Subsidies;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.ServiceRecords.Settlements;
using Kangfu.Web.Modules.ServiceRecords.Workspace;
using Kangfu.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.ServiceRecords;

/// <summary>The institution workspace: plan, sessions, hand-over, settlement against the card, instant settlement, served marking.</summary>
public abstract class DeliveryTests(KangfuApp app)
{
    private async Task<(HttpClient Rehab, RehabCase Case)> ApprovedCaseAsync(decimal amount = 1200m)
    {
        var (user, station) = await app.EnsureRehabStationAsync();
        var c = await app.AddItemCaseAsync(institutionId: station);
        var fund = await app.AddBudgetAsync(10_000m);
        await app.ApproveThroughAsync(c.Id, fund, amount);
        return (await app.LoginAsync(user), c);
    }

    private static async Task<WorkspaceDetail> DetailAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<WorkspaceDetail>($"/api/workspace/cases/{caseId}"))!;

    private static async Task<HttpResponseMessage> SessionAsync(HttpClient client, Guid caseId, decimal quantity, decimal unitPrice) =>
        await client.PostAsJsonAsync($"/api/workspace/cases/{caseId}/sessions", new
        {
            date = TimeProvider.System.Today().AddDays(-1),
            providerName = "王治疗师",
            content = "步态训练",
            quantity,
            unitPrice,
        });

    [Fact]
    public async Task Sessions_are_settled_against_the_card_and_an_overspend_is_refused()
    {
        var (rehab, c) = await ApprovedCaseAsync();
        using var _ = rehab;
        var plan = await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/plan", new { goals = "独立步行10米", startDate = "2026-01-01", endDate = "2026-12-31", frequency = "每周2次" });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SessionAsync(rehab, c.Id, 5, 100m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SessionAsync(rehab, c.Id, 5, 100m)).StatusCode);
        var detail = await DetailAsync(rehab, c.Id);
        Assert.Equal("独立步行10米", detail.Plan!.Goals);
        var item = Assert.Single(detail.CardItems);

        var settled = await SubsidyKit.ReadAsync<SettlementResult>(
            await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/settle", new { cardItemId = item.Id, version = item.Version }), "settle");
        Assert.Equal((1000m, 1000m, 0m, 200m), (settled.Total, settled.SubsidyAmount, settled.OwnShare, settled.BalanceAfter));
        Assert.All((await DetailAsync(rehab, c.Id)).Sessions, s => Assert.True(s.Settled));

        Assert.Equal(HttpStatusCode.OK, (await SessionAsync(rehab, c.Id, 3, 100m)).StatusCode);
        var over = await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/settle", new { cardItemId = item.Id, version = settled.CardItemVersion });
        Assert.Equal("本次结算金额¥300.00超过服务卡余额¥200.00，不能超额结算。", await over.ProblemAsync(HttpStatusCode.BadRequest));
        var stored = await app.WithDbAsync(db => db.ServiceCardItems.FirstAsync(i => i.Id == item.Id));
        Assert.Equal(1000m, stored.Spent);
        Assert.Contains("services.settled", await app.EventKindsAsync(c.PersonId));
    }

    [Fact]
    public async Task Instant_settlement_pays_up_to_the_balance_and_the_person_pays_the_rest()
    {
        var (rehab, c) = await ApprovedCaseAsync(500m);
        using var _ = rehab;
        var item = Assert.Single((await DetailAsync(rehab, c.Id)).CardItems);
        var first = await SubsidyKit.ReadAsync<SettlementResult>(await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/instant-settle",
            new { cardItemId = item.Id, version = item.Version, billTotal = 320m, content = "轮椅调试" }), "instant");
        Assert.Equal((320m, 320m, 0m, 180m), (first.Total, first.SubsidyAmount, first.OwnShare, first.BalanceAfter));
        var second = await SubsidyKit.ReadAsync<SettlementResult>(await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/instant-settle",
            new { cardItemId = item.Id, version = first.CardItemVersion, billTotal = 250.5m }), "instant");
        Assert.Equal((250.5m, 180m, 70.5m, 0m), (second.Total, second.SubsidyAmount, second.OwnShare, second.BalanceAfter));
        var empty = await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/instant-settle", new { cardItemId = item.Id, version = second.CardItemVersion, billTotal = 10m });
        Assert.Contains("余额为0", await empty.ProblemAsync(HttpStatusCode.BadRequest));
        var settlements = await app.WithDbAsync(db => db.Settlements.Where(s => s.CaseId == c.Id).ToListAsync());
        Assert.Equal(2, settlements.Count);
        Assert.All(settlements, s => Assert.True(s.Instant));
        Assert.Equal(500m, (await app.WithDbAsync(db => db.ServiceCardItems.FirstAsync(i => i.Id == item.Id))).Spent);
    }

    [Fact]
    public async Task Two_settlements_on_the_same_card_version_one_gets_409()
    {
        var (rehab, c) = await ApprovedCaseAsync(1000m);
        using var _ = rehab;
        var (user, _) = await app.EnsureRehabStationAsync();
        using var colleague = await app.LoginAsync(user);
        var item = Assert.Single((await DetailAsync(rehab, c.Id)).CardItems);
        var body = new { cardItemId = item.Id, version = item.Version, billTotal = 700m };

        var responses = await Task.WhenAll(
            rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/instant-settle", body),
            colleague.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/instant-settle", body));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        Assert.Equal("该服务卡已被其他结算更新，请刷新后重试。", await loser.ProblemAsync(HttpStatusCode.Conflict));
        Assert.Equal(700m, (await app.WithDbAsync(db => db.ServiceCardItems.FirstAsync(i => i.Id == item.Id))).Spent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Settlements.CountAsync(s => s.CaseId == c.Id)));
    }

    [Fact]
    public async Task Served_marking_needs_an_approved_card_item_when_the_item_carries_a_subsidy()
    {
        var (user, station) = await app.EnsureRehabStationAsync();
        var c = await app.AddItemCaseAsync(institutionId: station);
        using var rehab = await app.LoginAsync(user);
        var refused = await rehab.TryActAsync(c.Id, "served");
        Assert.Contains("须先经补贴审批并列入服务卡", await refused.ProblemAsync(HttpStatusCode.BadRequest));
        var noCard = await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/instant-settle", new { version = Guid.Empty, billTotal = 10m });
        Assert.Contains("没有已批准的服务卡项目", await noCard.ProblemAsync(HttpStatusCode.BadRequest));

        await app.ApproveThroughAsync(c.Id, await app.AddBudgetAsync(5000m));
        Assert.Equal(CaseState.FollowUpDue, (await rehab.ActAsync(c.Id, "served")).State);
    }

    [Fact]
    public async Task Session_input_is_checked_field_by_field_and_other_institutions_see_nothing()
    {
        var (rehab, c) = await ApprovedCaseAsync();
        using var _ = rehab;
        var bad = await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/sessions", new { quantity = 0, unitPrice = -1 });
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        foreach (var message in new[] { "请填写服务日期", "请填写服务人员", "请填写服务内容", "请填写数量", "请填写单价" })
        {
            Assert.Contains(message, text);
        }
        var handover = await rehab.PostAsJsonAsync($"/api/workspace/cases/{c.Id}/handovers", new { date = "2026-01-05", providerName = "李技师", deviceCode = "000", quantity = 1, unitPrice = 1200 });
        Assert.Contains("辅具目录中没有产品代码", await handover.Content.ReadAsStringAsync());
        using var other = await app.LoginAsync("rehab");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/workspace/cases/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SessionAsync(other, c.Id, 1, 10m)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DeliveryTestsSqlite(SqliteApp app) : DeliveryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DeliveryTestsPostgres(PostgresApp app) : DeliveryTests(app);
