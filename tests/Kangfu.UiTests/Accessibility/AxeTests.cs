using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kangfu.UiTests.Accessibility;

/// <summary>axe-core on the main pages: no serious or critical violations (design.md quality bar).</summary>
[Collection(UiCollection.Name)]
public sealed class AxeTests(UiFixture ui, ITestOutputHelper output)
{
    [Theory]
    [InlineData("community", "/persons")]
    [InlineData("community", "/persons/{person}")]
    [InlineData("community", "/persons/new")]
    [InlineData("street", "/")]
    [InlineData("admin", "/areas")]
    [InlineData("admin", "/institutions")]
    [InlineData("admin", "/catalog")]
    [InlineData("community", "/catalog/devices")]
    public async Task Page_has_no_serious_or_critical_violations(string user, string path)
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "无障碍测试");
        var page = await ui.SignedInPageAsync(user);
        await page.GotoInteractiveAsync(path.Replace("{person}", person.Id.ToString(), StringComparison.Ordinal));
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Login_page_and_a_form_showing_its_errors_have_no_serious_or_critical_violations()
    {
        var anonymous = await ui.NewPageAsync();
        await new LoginPage(anonymous).GotoAsync();
        await new LoginPage(anonymous).SubmitAsync("doctor", "wrong-password");
        await anonymous.Locator("#login-error").WaitForAsync();
        await AssertAccessibleAsync(anonymous);

        var page = await ui.SignedInPageAsync("community");
        var form = new PersonEditPage(page);
        await form.GotoNewAsync();
        await form.SaveAsync();
        await form.ErrorSummary.WaitForAsync();
        await AssertAccessibleAsync(page);
    }

    private async Task AssertAccessibleAsync(IPage page)
    {
        var results = await Axe.AssertNoSeriousViolationsAsync(page, output);
        Assert.NotEmpty(results.Passes);
        output.WriteLine($"axe: {results.Passes.Length} rules passed, {results.Violations.Length} violated, {results.Incomplete.Length} to review");
    }
}
