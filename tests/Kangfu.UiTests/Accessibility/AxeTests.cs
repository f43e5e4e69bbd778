using Deque.AxeCore.Playwright;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Microsoft.Playwright;

namespace Kangfu.UiTests.Accessibility;

/// <summary>axe-core on the main pages: no serious or critical violations (design.md quality bar).</summary>
[Collection(UiCollection.Name)]
public sealed class AxeTests(UiFixture ui)
{
    [Theory]
    [InlineData("community", "/persons")]
    [InlineData("community", "/persons/{person}")]
    [InlineData("community", "/persons/new")]
    [InlineData("street", "/")]
    [InlineData("admin", "/areas")]
    [InlineData("admin", "/institutions")]
    public async Task Page_has_no_serious_or_critical_violations(string user, string path)
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "无障碍测试");
        var page = await ui.SignedInPageAsync(user);
        await page.GotoInteractiveAsync(path.Replace("{person}", person.Id.ToString(), StringComparison.Ordinal));
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} → {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
