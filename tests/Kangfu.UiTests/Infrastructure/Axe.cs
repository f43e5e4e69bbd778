using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kangfu.UiTests.Infrastructure;

/// <summary>The accessibility check every page test runs: axe after the page settles, every violation logged, none serious or critical.</summary>
public static class Axe
{
    public static async Task<AxeResult> AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var results = await page.RunAxe();
        foreach (var v in results.Violations)
        {
            output?.WriteLine($"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length}) → {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
        }
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} → {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        return results;
    }
}
