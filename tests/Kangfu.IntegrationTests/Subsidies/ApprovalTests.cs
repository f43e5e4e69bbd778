using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Kangfu.Web.Modules.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Subsidies;

/// <summary>Application, eligibility, the street → district chain with return and reject, budgets and the service card.</summary>
public abstract partial class ApprovalTests(KangfuApp app)
{
    [Fact]
    public async Task Street_then_district_approval_charges_the_budget_and_issues_a_card()
    {
        var c = await app.AddItemCaseAsync();
        var fund = await app.AddBudgetAsync(10_000m);
        using var community = await app.LoginAsync("community");
        var applied = await community.ApplyAsync(c.Id);
        Assert.Equal(ApplicationState.AwaitingStreet, applied.State);
        Assert.Equal(1200m, (await community.GetApplicationAsync(applied.Id)).Application.AmountRequested);

        using var street = await app.LoginAsync("street");
        Assert.Equal(ApplicationState.AwaitingDistrict, (await street.DecideAsync(applied.Id, "approve-street", new { comment = "情况属实" })).State);
        using var approver = await app.LoginAsync("approver");
        var approved = await approver.DecideAsync(applied.Id, "approve-district", new { fundSourceId = fund, comment = "同意" });

        Assert.Equal(ApplicationState.Approved, approved.State);
        Assert.Equal(1200m, approved.AmountApproved);
        Assert.Equal(1200m, await app.BudgetApprovedAsync(fund));
        var card = await app.WithDbAsync(db => db.ServiceCards.Include(k => k.Items).FirstAsync(k => k.Id == approved.CardId));
        Assert.Matches(CardNumber(), card.Number);
        Assert.Equal(c.PersonId, card.PersonId);
        Assert.Equal(new DateOnly(SubsidyKit.Year, 12, 31), card.ValidTo);
        var item = Assert.Single(card.Items);
        Assert.Equal((1200m, 0m, c.Id), (item.ApprovedAmount, item.Spent, item.CaseId));
        var history = (await approver.GetApplicationAsync(applied.Id)).Decisions;
        Assert.Equal(["申请人", "街道", "区残联"], history.Select(d => d.Level));
        Assert.Equal("情况属实", history[1].Comment);
        var events = await app.EventKindsAsync(c.PersonId);
        Assert.Contains("subsidies.submit", events);
        Assert.Contains("subsidies.approve", events);
        Assert.Contains("subsidies.cardIssued", events);
    }

    [Fact]
    public async Task A_second_approved_item_of_the_year_lands_on_the_same_card()
    {
        var first = await app.AddItemCaseAsync();
        var fund = await app.AddBudgetAsync(10_000m);
        var one = await app.ApproveThroughAsync(first.Id, fund);
        var second = await app.AddCaseAsync(Kangfu.Web.Modules.Referrals.CaseKind.Service, Kangfu.Web.Modules.Referrals.CaseState.AwaitingService);
        await app.WithDbAsync(async db =>
        {
            var item = await db.ServiceItems.FirstAsync(i => i.Code == "V-TRN-02" && i.CatalogYear == SubsidyKit.Year);
            var c = await db.Cases.FirstAsync(x => x.Id == second.Id);
            (c.PersonId, c.ServiceItemId, c.ServiceItemCode, c.ServiceItemName) = (first.PersonId, item.Id, item.Code, item.Name);
            var p = await db.Persons.FirstAsync(x => x.Id == first.PersonId);
            p.Categories |= Kangfu.Web.Modules.Registry.CategorySet.Visual;
            p.Grade = 3;
            await db.SaveChangesAsync();
            return 0;
        });
        var two = await app.ApproveThroughAsync(second.Id, fund);
        Assert.Equal(one.CardId, two.CardId);
        Assert.Equal(2, await app.WithDbAsync(db => db.ServiceCardItems.CountAsync(i => i.CardId == one.CardId)));
    }

    [Fact]
    public async Task Street_return_goes_to_the_applicant_district_return_to_the_street_reject_is_final()
    {
        var c = await app.AddItemCaseAsync();
        using var community = await app.LoginAsync("community");
        using var street = await app.LoginAsync("street");
        using var approver = await app.LoginAsync("approver");
        var a = await community.ApplyAsync(c.Id);

        var noReason = await street.TryDecideAsync(a.Id, "return");
        Assert.Contains("请填写退回原因", await noReason.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ApplicationState.Returned, (await street.DecideAsync(a.Id, "return", new { comment = "缺少评估报告" })).State);
        var early = await approver.TryDecideAsync(a.Id, "approve-district", new { fundSourceId = Guid.NewGuid() });
        Assert.Contains("不能执行“区级审批”", await early.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ApplicationState.AwaitingStreet, (await community.DecideAsync(a.Id, "resubmit", new { amountRequested = 1000m, comment = "已补充" })).State);
        await street.DecideAsync(a.Id, "approve-street");
        Assert.Equal(ApplicationState.AwaitingStreet, (await approver.DecideAsync(a.Id, "return", new { comment = "请核实等级" })).State);
        await street.DecideAsync(a.Id, "approve-street");
        Assert.Equal(ApplicationState.Rejected, (await approver.DecideAsync(a.Id, "reject", new { comment = "不符合本年度资助范围" })).State);

        var history = (await approver.GetApplicationAsync(a.Id)).Decisions;
        Assert.Equal(["提交申请", "退回", "提交申请", "同意", "退回", "同意", "不予批准"], history.Select(d => d.Action));
        Assert.Equal("缺少评估报告", history[1].Comment);
        Assert.Equal(1000m, (await approver.GetApplicationAsync(a.Id)).Application.AmountRequested);
        var forbidden = await street.TryDecideAsync(a.Id, "approve-district", new { fundSourceId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Approval_above_the_remaining_budget_is_refused_with_the_figures()
    {
        var name = "测试资金" + Guid.NewGuid().ToString("N")[..4];
        var fund = await app.AddBudgetAsync(1000m, name);
        var c = await app.AddItemCaseAsync();
        using var community = await app.LoginAsync("community");
        var a = await community.ApplyAsync(c.Id);
        using var street = await app.LoginAsync("street");
        await street.DecideAsync(a.Id, "approve-street");
        using var approver = await app.LoginAsync("approver");

        var refused = await approver.TryDecideAsync(a.Id, "approve-district", new { fundSourceId = fund });
        Assert.Equal($"{name}{SubsidyKit.Year}年度预算剩余¥1,000.00，不足以批准¥1,200.00。", await refused.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ApplicationState.AwaitingDistrict, (await approver.GetApplicationAsync(a.Id)).Application.State);
        Assert.Equal(0m, await app.BudgetApprovedAsync(fund));
        Assert.Equal(ApplicationState.Approved, (await approver.DecideAsync(a.Id, "approve-district", new { fundSourceId = fund, amount = 1000m })).State);
        Assert.Equal(1000m, await app.BudgetApprovedAsync(fund));
    }

    [Fact]
    public async Task Two_approvers_deciding_the_same_version_exactly_one_wins()
    {
        var fund = await app.AddBudgetAsync(10_000m);
        var c = await app.AddItemCaseAsync();
        using var community = await app.LoginAsync("community");
        var a = await community.ApplyAsync(c.Id);
        using var street = await app.LoginAsync("street");
        await street.DecideAsync(a.Id, "approve-street");
        using var first = await app.LoginAsync("approver");
        using var second = await app.LoginAsync("approver");
        var version = (await first.GetApplicationAsync(a.Id)).Application.Version;

        var responses = await Task.WhenAll(
            first.TryDecideAsync(a.Id, "approve-district", new { fundSourceId = fund }, version),
            second.TryDecideAsync(a.Id, "approve-district", new { fundSourceId = fund }, version));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        Assert.Equal("该申请已被其他用户处理，请刷新后重试。", await loser.ProblemAsync(HttpStatusCode.Conflict));
        Assert.Equal(1200m, await app.BudgetApprovedAsync(fund));
        Assert.Equal(1, await app.WithDbAsync(db => db.ServiceCardItems.CountAsync(i => i.ApplicationId == a.Id)));
    }

    [Fact]
    public async Task Two_approvals_racing_for_the_last_of_a_budget_never_both_pass()
    {
        var fund = await app.AddBudgetAsync(1500m);
        using var community = await app.LoginAsync("community");
        using var street = await app.LoginAsync("street");
        var ids = new List<Guid>();
        foreach (var _ in new[] { 1, 2 })
        {
            var c = await app.AddItemCaseAsync();
            var a = await community.ApplyAsync(c.Id);
            await street.DecideAsync(a.Id, "approve-street");
            ids.Add(a.Id);
        }
        using var first = await app.LoginAsync("approver");
        using var second = await app.LoginAsync("approver");
        var versions = await Task.WhenAll(ids.Select(async id => (await first.GetApplicationAsync(id)).Application.Version));

        var responses = await Task.WhenAll(
            first.TryDecideAsync(ids[0], "approve-district", new { fundSourceId = fund }, versions[0]),
            second.TryDecideAsync(ids[1], "approve-district", new { fundSourceId = fund }, versions[1]));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        var message = await loser.Content.ReadAsStringAsync();
        Assert.True(loser.StatusCode == HttpStatusCode.Conflict ? message.Contains("预算已被另一笔审批同时占用") : message.Contains("不足以批准"), message);
        Assert.Equal(1200m, await app.BudgetApprovedAsync(fund));
    }

    [Fact]
    public async Task A_budget_cannot_shrink_below_what_is_approved_and_admins_cannot_approve()
    {
        var name = "测试资金" + Guid.NewGuid().ToString("N")[..4];
        var fund = await app.AddBudgetAsync(5000m, name);
        var c = await app.AddItemCaseAsync();
        await app.ApproveThroughAsync(c.Id, fund);
        using var approver = await app.LoginAsync("approver");
        var budget = await app.WithDbAsync(db => db.Budgets.FirstAsync(b => b.FundSourceId == fund));
        var shrink = await approver.PostAsJsonAsync("/api/subsidies/budgets", new { fundSourceId = fund, year = SubsidyKit.Year, amount = 1000m, version = budget.Version });
        Assert.Contains("预算不能少于已批准金额", await shrink.ProblemAsync(HttpStatusCode.BadRequest));
        foreach (var admin in new[] { "admin", "security", "auditor" })
        {
            using var client = await app.LoginAsync(admin);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/subsidies/budgets", new { fundSourceName = name, year = SubsidyKit.Year, amount = 9000m })).StatusCode);
        }
    }

    [GeneratedRegex(@"^KF-120116-\d{4}-\d{6}$")]
    private static partial Regex CardNumber();
}

[Collection(SqliteCollection.Name)]
public sealed class ApprovalTestsSqlite(SqliteApp app) : ApprovalTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ApprovalTestsPostgres(PostgresApp app) : ApprovalTests(app);
