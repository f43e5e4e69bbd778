using Kangfu.IntegrationTests.Referrals;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Referrals;

[Collection(UiCollection.Name)]
public sealed class CaseReviewTests(UiFixture ui, ITestOutputHelper output)
{
    [Fact]
    public async Task Technician_approves_a_device_case_from_the_review_queue_and_it_moves_to_device_service()
    {
        var c = await ui.App.AddCaseAsync(CaseKind.Device, CaseState.AwaitingDeviceReview);
        var idNumber = await ui.App.WithDbAsync(db => db.Persons.Where(p => p.Id == c.PersonId).Select(p => p.IdNumber).FirstAsync());
        var page = await ui.SignedInPageAsync("technician");

        await page.GotoInteractiveAsync("/cases?queue=4");
        var row = page.Locator("tr", new() { HasText = Mask.IdNumber(idNumber) });
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab).First).ToContainTextAsync("辅具审核（");
        await Screenshots.SaveAsync(page, "cases-review-queue");
        await Axe.AssertNoSeriousViolationsAsync(page, output);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("辅具适配");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始审核", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认开始审核" }).ClickAsync();
        await Expect(page.Locator(".page-actions")).ToContainTextAsync("审核中");

        await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Screenshots.SaveAsync(page, "case-review-form");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认通过" }).ClickAsync();

        await Expect(page.Locator(".page-actions")).ToContainTextAsync("待辅具服务");
        await Expect(page.Locator(".case-history")).ToContainTextAsync("审核通过");
        await Screenshots.SaveAsync(page, "case-approved");
        Assert.Equal(CaseState.AwaitingDeviceService, (await ui.App.LoadAsync(c.Id)).State);
    }

    [Fact]
    public async Task Home_page_shows_my_queues_with_counts()
    {
        await ui.App.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        var page = await ui.SignedInPageAsync("community");
        await page.GotoInteractiveAsync("/");
        var card = page.Locator("section[aria-labelledby=my-queues-title]");
        await Expect(card).ToContainTextAsync("辅具上门评估");
        await Expect(card).ToContainTextAsync("件");
        await Screenshots.SaveAsync(page, "home-my-queues");
    }

}

[Collection(UiCollection.Name)]
public sealed class HomeAssessmentUiTests(UiFixture ui)
{
    [Fact]
    public async Task Community_worker_fills_the_2_3_4_assessment_and_submits_it_to_the_device_review()
    {
        var c = await ui.App.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        var page = await ui.SignedInPageAsync("community");
        await page.GotoInteractiveAsync($"/cases/{c.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始上门评估", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认开始上门评估" }).ClickAsync();
        await Expect(page.Locator(".page-actions")).ToContainTextAsync("辅具上门评估中");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交上门评估", Exact = true }).ClickAsync();
        await page.PickAsync("fitting-scheme", "2-3-4 肢体综合");
        await Answer(page, "1 肢体是否有残缺", "B.无");
        await Answer(page, "2 是否存在畸形", "B.无");
        await Answer(page, "3 是否卧床", "B.否");
        await Answer(page, "3-4 能否行走", "B.能");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "3-4-7 能否长时间行走" })).ToBeVisibleAsync();
        await Answer(page, "4 是否存在其他方面残疾", "A.无");
        var casePage = new CaseDetailPage(page);
        await casePage.SignAsync("home-PersonSignature");
        await casePage.SignAsync("home-StaffSignature");
        await Screenshots.SaveAsync(page, "case-home-assessment-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交上门评估" }).ClickAsync();

        await Expect(page.Locator(".page-actions")).ToContainTextAsync("待辅具审核");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "撤回", Exact = true })).ToBeVisibleAsync();
        Assert.Equal("2-3-4", (await ui.App.LoadAsync(c.Id)).FittingScheme);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "残疾人或监护人签字" })).ToBeVisibleAsync();
        var signature = await ui.App.WithDbAsync(db => db.CaseSignatures.SingleAsync(s => s.CaseId == c.Id));
        Assert.Equal(0x89, signature.PersonSignature[0]);
        Assert.Equal(0x89, signature.StaffSignature[0]);
    }

    [Fact]
    public async Task Community_worker_fills_the_2_3_1_tree_where_changing_an_answer_drops_the_closed_branch()
    {
        var c = await ui.App.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        var page = await ui.SignedInPageAsync("community");
        var casePage = new CaseDetailPage(page);
        await page.GotoInteractiveAsync($"/cases/{c.Id}");
        await casePage.ActAsync("开始上门评估", "辅具上门评估中");
        await casePage.OpenAsync("提交上门评估");
        await page.PickAsync("fitting-scheme", "2-3-1 偏瘫");
        await casePage.AnswerAsync("1 是否卧床", "B.否");
        await casePage.AnswerAsync("1-2-1 能否行走", "B.能");
        await casePage.AnswerAsync("1-2-2 行走时是否需要搀扶", "A.全程搀扶");
        await casePage.AnswerAsync("1-2-2-1 起坐是否需要搀扶", "B.不需要");
        await casePage.AnswerAsync("1 是否卧床", "A.是");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "1-2-1 能否行走" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "1-2-2-1 起坐是否需要搀扶" })).ToHaveCountAsync(0);
        await casePage.AnswerAsync("1-1-1 能否翻身", "B.能");
        await casePage.AnswerAsync("1-1-2 能否坐起", "B.能");
        await casePage.AnswerAsync("1-1-3 能否控制大小便", "A.不能");
        var deformity = page.GetByRole(AriaRole.Group, new() { Name = "2 患侧肢体畸形状况（多选）" });
        await deformity.GetByText("A.肩膀下沉", new() { Exact = true }).ClickAsync();
        await deformity.GetByText("C.行走时足拖地", new() { Exact = true }).ClickAsync();
        await Expect(deformity.GetByRole(AriaRole.Checkbox, new() { Name = "C.行走时足拖地" })).ToBeCheckedAsync();
        await casePage.AnswerAsync("3 能否自行进食", "C.独立进食");
        await casePage.AnswerAsync("4 能否自行洗浴", "A.不能");
        await casePage.AnswerAsync("5 自行如厕时，是否下蹲", "A.能");
        await casePage.AnswerAsync("6 能否自行穿脱衣物", "C.独立完成");
        await casePage.AnswerAsync("7 是否经常需要够拾远处物品", "A.否");
        await casePage.AnswerAsync("8 是否存在其他方面残疾", "A.无");
        await casePage.SignAsync("home-PersonSignature");
        await casePage.SignAsync("home-StaffSignature");
        await casePage.ConfirmAsync("提交上门评估", "待辅具审核");

        Assert.Equal("2-3-1", (await ui.App.LoadAsync(c.Id)).FittingScheme);
        var data = await ui.App.WithDbAsync(db => db.CaseTransitions.Where(t => t.CaseId == c.Id && t.Action == CaseAction.SubmitHomeAssessment)
            .Select(t => t.DataJson).SingleAsync());
        var answers = System.Text.Json.Nodes.JsonNode.Parse(data!)!["answers"]!.AsObject();
        Assert.Equal("A.肩膀下沉|C.行走时足拖地", answers["2"]!.GetValue<string>());
        Assert.False(answers.ContainsKey("1-2-2-1"));
    }

    private static Task Answer(IPage page, string question, string option) =>
        page.GetByRole(AriaRole.Group, new() { Name = question }).GetByText(option, new() { Exact = true }).ClickAsync();
}
