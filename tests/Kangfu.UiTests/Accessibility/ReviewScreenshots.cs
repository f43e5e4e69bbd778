using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Accessibility;

/// <summary>1366×768 screenshots of the main screens for review, saved to screenshots/ (not a pass/fail check of looks).</summary>
[Collection(UiCollection.Name)]
public sealed class ReviewScreenshots(UiFixture ui)
{
    [Fact]
    public async Task Main_screens_are_captured()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "截图示例");
        var anonymous = await ui.NewPageAsync();
        await new LoginPage(anonymous).GotoAsync();
        await Screenshots.SaveAsync(anonymous, "01-login");

        var page = await ui.SignedInPageAsync("street");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(page, "02-home");
        var list = new PersonListPage(page);
        await list.GotoAsync();
        await Screenshots.SaveAsync(page, "03-person-list");
        await new PersonPage(page).GotoAsync(person.Id);
        await Expect(page.Locator("h1")).ToContainTextAsync("截图示例");
        await Screenshots.SaveAsync(page, "04-person");
        await new PersonEditPage(page).GotoEditAsync(person.Id);
        await Expect(page.Locator("#person-IdNumber")).ToHaveValueAsync(person.IdNumber);
        await Screenshots.SaveAsync(page, "05-person-edit");
    }
}
