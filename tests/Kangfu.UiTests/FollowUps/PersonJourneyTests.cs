using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Subsidies;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.FollowUps;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.FollowUps;

/// <summary>
/// One person from intake to closure through the pages, each step by the role it belongs to. Each step is one method
/// of <see cref="Journey"/>, so a step (e.g. a subsidy approval before the hand-over) can be inserted in the list.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class PersonJourneyTests(UiFixture ui)
{
    [Fact]
    public async Task One_person_from_intake_to_closure_through_the_pages_of_every_role()
    {
        var today = TimeProvider.System.Today();
        var handedOver = today.AddMonths(-6).AddDays(-3);
        var journey = new Journey(ui, await ui.App.AddPersonAsync(KangfuApp.CommunityA, "全程测试"));

        await journey.IntakeWithDeviceNeedAsync("community");
        await journey.HomeAssessmentAsync("doctor");
        await journey.ReviewPassAsync("technician");
        await journey.ApplySubsidyAsync("community");
        await journey.StreetApprovesAsync("street");
        await journey.DistrictApprovesAsync("approver", await AddFundAsync());
        await journey.HandOverAsync("device", handedOver);
        await journey.SeesFollowUpRemindersAsync("community");
        await journey.FollowUp1MonthAsync("community", handedOver.AddMonths(1).AddDays(2));
        await journey.FollowUp6MonthAsync("community", today);
        await journey.CloseAsync("community", "有进步");

        var c = await ui.App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == journey.CaseId));
        Assert.Equal((CaseState.Closed, CaseOutcome.Improved), (c.State, c.Outcome));
        var visits = await ui.App.WithDbAsync(db => db.FollowUps.AsNoTracking().Where(f => f.CaseId == journey.CaseId).OrderBy(f => f.Sequence).ToListAsync());
        Assert.Equal([handedOver.AddMonths(1).AddDays(2), today], visits.Select(v => v.DoneOn!.Value));
        Assert.All(visits, v => Assert.Equal(FollowUpStatus.Done, v.Status));
    }

    /// <summary>A fund source of its own with a budget of the year, so the district approval does not depend on other tests' spending.</summary>
    private async Task<string> AddFundAsync()
    {
        var name = "全程测试资金" + Guid.NewGuid().ToString("N")[..4];
        await ui.App.AddBudgetInDatabaseAsync(100_000m, name);
        return name;
    }

    /// <summary>The steps of the walk; each signs in as its role on a fresh page.</summary>
    private sealed class Journey(UiFixture ui, Kangfu.Web.Modules.Registry.Person person)
    {
        public Guid CaseId { get; private set; }

        public async Task IntakeWithDeviceNeedAsync(string user)
        {
            var page = await ui.SignedInPageAsync(user);
            var intake = new IntakePage(page);
            await intake.GotoAsync(person.Id);
            await intake.NextAsync();
            await intake.HasNeedAsync(true);
            await intake.TickNeedAsync("Physical", "辅助器具适配及服务");
            await intake.DirectionAsync("Physical", "上门评估");
            await intake.SignAsync("intake-PersonSignature");
            await intake.SignAsync("intake-StaffSignature");
            await intake.SubmitAsync();
            await Expect(intake.RoutedCases.Filter(new() { HasText = "辅助器具适配及服务" })).ToContainTextAsync("待辅具上门评估");
            CaseId = await ui.App.WithDbAsync(db => db.Cases.Where(c => c.PersonId == person.Id && c.Kind == CaseKind.Device).Select(c => c.Id).SingleAsync());
            await page.Context.CloseAsync();
        }

        public async Task HomeAssessmentAsync(string user)
        {
            var (page, c) = await OpenCaseAsync(user);
            await c.ActAsync("开始上门评估", "辅具上门评估中");
            await c.OpenAsync("提交上门评估");
            await page.PickAsync("fitting-scheme", "2-3-4 肢体综合");
            await c.AnswerAsync("1 肢体是否有残缺", "B.无");
            await c.AnswerAsync("2 是否存在畸形", "B.无");
            await c.AnswerAsync("3 是否卧床", "B.否");
            await c.AnswerAsync("3-4 能否行走", "B.能");
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "3-4-7 能否长时间行走" })).ToBeVisibleAsync();
            await c.AnswerAsync("4 是否存在其他方面残疾", "A.无");
            await c.SignAsync("home-PersonSignature");
            await c.SignAsync("home-StaffSignature");
            await c.ConfirmAsync("提交上门评估", "待辅具审核");
            await page.Context.CloseAsync();
        }

        public async Task ReviewPassAsync(string user)
        {
            var (page, c) = await OpenCaseAsync(user);
            await c.ActAsync("开始审核", "审核中");
            await c.OpenAsync("通过");
            await c.ConfirmAsync("通过", "待辅具服务");
            await page.Context.CloseAsync();
        }

        public Guid ApplicationId { get; private set; }

        /// <summary>补贴申请 from the case page: the amount defaults to the item's yearly maximum.</summary>
        public async Task ApplySubsidyAsync(string user)
        {
            var (page, _) = await OpenCaseAsync(user);
            await page.GetByRole(AriaRole.Link, new() { Name = "申请补贴" }).ClickAsync();
            await page.Locator("#submit-application").ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/subsidies/[0-9a-f-]{36}$"));
            ApplicationId = Guid.Parse(page.Url[^36..]);
            await Expect(page.Locator(".page-actions")).ToContainTextAsync("待街道审批");
            await page.Context.CloseAsync();
        }

        public async Task StreetApprovesAsync(string user)
        {
            var page = await ui.SignedInPageAsync(user);
            await page.GotoInteractiveAsync($"/subsidies/{ApplicationId}");
            await page.Locator("#decision-comment").FillAsync("情况属实，同意上报");
            await page.Locator("#approve").ClickAsync();
            await Expect(page.Locator(".page-actions")).ToContainTextAsync("待区级审批");
            await page.Context.CloseAsync();
        }

        public async Task DistrictApprovesAsync(string user, string fundName)
        {
            var page = await ui.SignedInPageAsync(user);
            await page.GotoInteractiveAsync($"/subsidies/{ApplicationId}");
            await page.PickAsync("fund-source", $"{fundName}（剩余¥100,000.00）");
            await page.Locator("#decision-comment").FillAsync("同意，列入服务卡");
            await page.Locator("#approve").ClickAsync();
            await Expect(page.Locator(".page-actions")).ToContainTextAsync("已批准");
            await Expect(page.Locator("#print-card")).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }

        public async Task HandOverAsync(string user, DateOnly on)
        {
            var (page, c) = await OpenCaseAsync(user);
            await c.OpenAsync("辅具发放完成");
            await c.FillAsync("辅具产品编码（多个用逗号分隔）", "102220301");
            await page.Locator("#case-CompletedOn").FillAsync(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await c.ConfirmAsync("辅具发放完成", "待回访");
            await Expect(c.FollowUps).ToContainTextAsync("回访2（6个月）");
            await Screenshots.SaveAsync(page, "followups-case-scheduled");
            await page.Context.CloseAsync();
        }

        public async Task SeesFollowUpRemindersAsync(string user)
        {
            var page = await ui.SignedInPageAsync(user);
            await page.GotoInteractiveAsync("/");
            var card = page.Locator("section[aria-labelledby=my-queues-title]");
            await Expect(card.Locator("li.queue-urgent", new() { HasText = "逾期回访" })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "followups-home-card");
            await card.GetByRole(AriaRole.Link, new() { Name = "逾期回访" }).ClickAsync();
            await Expect(page.Locator("tr.row-overdue", new() { HasText = "回访1（1个月）" }).First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "followups-queue-1366");
            await page.SetViewportSizeAsync(375, 740);
            await page.GotoInteractiveAsync("/followups?queue=1");
            await Expect(page.Locator("tr", new() { HasText = "回访2（6个月）" }).First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "followups-queue-375");
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.Context.CloseAsync();
        }

        public async Task FollowUp1MonthAsync(string user, DateOnly on)
        {
            var (page, form) = await OpenFollowUpAsync(user, 1);
            await form.DateAsync(on);
            await form.AnswerAsync("1", "A.收到");
            await form.AnswerAsync("2", "已经使用");
            await form.AnswerAsync("3", "满意");
            await form.AnswerAsync("4", "不需要");
            await form.AnswerAsync("5", "入户");
            await Screenshots.SaveAsync(page, "followups-form-1-375");
            await Axe.AssertNoSeriousViolationsAsync(page);
            await form.SaveAsync();
            await page.Context.CloseAsync();
        }

        public async Task FollowUp6MonthAsync(string user, DateOnly on)
        {
            var (page, form) = await OpenFollowUpAsync(user, 2);
            await form.DateAsync(on);
            await form.AnswerAsync("1", "经常");
            await form.AnswerAsync("2", "不满意");
            await form.AnswerAsync("3", "不好用");
            await form.AnswerAsync("4", "需要");
            await form.AnswerAsync("5", "不需要");
            await form.AnswerAsync("6", "入户（建议）");
            await form.SaveAsync();
            await Screenshots.SaveAsync(page, "followups-form-2-saved-375");
            await page.Context.CloseAsync();
        }

        public async Task CloseAsync(string user, string outcome)
        {
            var (page, c) = await OpenCaseAsync(user);
            await c.OpenAsync("结案");
            await c.ChooseAsync(outcome);
            await c.ConfirmAsync("结案", "已结案");
            await Expect(c.History).ToContainTextAsync("结案评估：" + outcome);
            await Screenshots.SaveAsync(page, "followups-case-closed");
            var personPage = new PersonPage(page);
            await personPage.GotoAsync(person.Id);
            await Expect(personPage.Timeline).ToContainTextAsync("回访2（6个月）");
            await Expect(personPage.Timeline).ToContainTextAsync("结案评估：" + outcome);
            await page.Context.CloseAsync();
        }


        private async Task<(IPage Page, CaseDetailPage Case)> OpenCaseAsync(string user)
        {
            var page = await ui.SignedInPageAsync(user);
            var c = new CaseDetailPage(page);
            await c.GotoAsync(CaseId);
            return (page, c);
        }

        /// <summary>From the case page (on a phone) to one follow-up's form.</summary>
        private async Task<(IPage Page, FollowUpFormPage Form)> OpenFollowUpAsync(string user, int sequence)
        {
            var (page, c) = await OpenCaseAsync(user);
            await page.SetViewportSizeAsync(375, 740);
            await c.FollowUps.Locator($"[data-testid=followup-{sequence}]").GetByRole(AriaRole.Link).ClickAsync();
            await page.Locator("#followup-DoneOn").WaitForAsync();
            return (page, new FollowUpFormPage(page));
        }
    }
}
