using Microsoft.Playwright;

namespace Kangfu.UiTests.Pages;

internal static class Blazor
{
    /// <summary>Navigates and waits until the Blazor circuit is interactive (a click before that is lost).</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#circuit-state[data-state=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Opens a MudSelect by its input id and picks the option with the given text.</summary>
    public static async Task PickAsync(this IPage page, string inputId, string option)
    {
        await page.Locator($"#{inputId}").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }
}
