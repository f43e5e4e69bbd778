using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Surveys;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Surveys;

/// <summary>A community worker on a home visit, on a phone: fills the national form, signs twice, submits.</summary>
[Collection(UiCollection.Name)]
public sealed class IntakeUiTests(UiFixture ui, ITestOutputHelper output)
{
    [Fact]
    public async Task Community_worker_fills_signs_and_submits_on_a_phone_and_sees_the_routed_cases()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "入户测试");
        var page = await ui.SignedInPageAsync("community");
        await page.SetViewportSizeAsync(375, 667);
        var intake = new IntakePage(page);

        await intake.GotoAsync(person.Id);
        await intake.TickCategoryAsync("视力");
        await Screenshots.SaveAsync(page, "intake-1-basic-375");
        await intake.NextAsync();
        await intake.HasNeedAsync(true);
        await intake.TickNeedAsync("Physical", "辅助器具适配及服务");
        await intake.TickNeedAsync("Physical", "康复治疗及训练");
        await intake.DirectionAsync("Physical", "转介服务机构");
        await intake.TickNeedAsync("Visual", "定向行走及适应训练");
        await intake.DirectionAsync("Visual", "转介评估机构");
        await intake.SignAsync("intake-PersonSignature");
        await intake.SignAsync("intake-StaffSignature");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("#needs-title").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "intake-2-needs-375");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "intake-2-full.png"), FullPage = true });
        await intake.SubmitAsync();

        await Expect(intake.RoutedCases).ToHaveCountAsync(3);
        await Expect(intake.RoutedCases.Filter(new() { HasText = "肢体：辅助器具适配及服务" })).ToContainTextAsync("待辅具上门评估");
        await Screenshots.SaveAsync(page, "intake-3-submitted-375");
        var cases = await ui.App.WithDbAsync(db => db.Cases.Where(c => c.PersonId == person.Id).ToListAsync());
        Assert.Equal([CaseState.AwaitingInstitutionAssessment, CaseState.AwaitingHomeAssessment, CaseState.AwaitingService], cases.Select(c => c.State).Order());
        var signatures = await ui.App.WithDbAsync(db => db.Intakes.Where(i => i.PersonId == person.Id).Select(i => new { i.PersonSignature, i.StaffSignature }).SingleAsync());
        Assert.Equal(0x89, signatures.PersonSignature![0]);
        Assert.Equal(0x89, signatures.StaffSignature![0]);

        var personPage = new PersonPage(page);
        await personPage.GotoAsync(person.Id);
        await Expect(personPage.Timeline).ToContainTextAsync("转介：待辅具上门评估");
        await Expect(personPage.Timeline).ToContainTextAsync("精准康复入户登记");
        await personPage.Timeline.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "intake-4-timeline-375");
    }

    [Fact]
    public async Task Intake_and_survey_pages_at_office_size_have_no_serious_violations()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "入户桌面", DisabilityCategory.Physical);
        var page = await ui.SignedInPageAsync("community");
        var intake = new IntakePage(page);
        await intake.GotoAsync(person.Id);
        await intake.NextAsync();
        await intake.HasNeedAsync(true);
        await intake.TickNeedAsync("Physical", "支持性服务");
        await Screenshots.SaveAsync(page, "intake-needs-1366");
        await Axe.AssertNoSeriousViolationsAsync(page, output);

        await page.GotoInteractiveAsync("/surveys");
        await page.Locator("[data-testid=to-survey]").WaitForAsync();
        await Screenshots.SaveAsync(page, "surveys-1366");
        await Axe.AssertNoSeriousViolationsAsync(page, output);

        var street = await ui.SignedInPageAsync("street");
        await street.SetViewportSizeAsync(375, 667);
        await street.GotoInteractiveAsync("/surveys");
        await street.Locator("[data-testid=progress-total]").WaitForAsync();
        await Screenshots.SaveAsync(street, "surveys-street-375");
        await Axe.AssertNoSeriousViolationsAsync(street, output);
    }

}
