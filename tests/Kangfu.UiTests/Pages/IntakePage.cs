using Microsoft.Playwright;

namespace Kangfu.UiTests.Pages;

/// <summary>The home intake form at /persons/{id}/intake.</summary>
public sealed class IntakePage(IPage page)
{
    public ILocator RoutedCases => page.Locator("[data-testid=routed-cases] li");

    public async Task GotoAsync(Guid personId) => await page.GotoInteractiveAsync($"/persons/{personId}/intake");

    public async Task TickCategoryAsync(string name) =>
        await page.Locator("#intake-Categories").GetByText(name, new() { Exact = true }).ClickAsync();

    public async Task NextAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await page.Locator("#needs-title").WaitForAsync();
    }

    public async Task HasNeedAsync(bool yes) =>
        await page.Locator("#intake-HasNeed").GetByText(yes ? "有" : "无", new() { Exact = true }).ClickAsync();

    public ILocator Category(string category) => page.Locator($"[data-testid=need-{category}]");

    public async Task TickNeedAsync(string category, string item) =>
        await Category(category).Locator(".need-row").GetByText(item, new() { Exact = true }).ClickAsync();

    public async Task DirectionAsync(string category, string direction) =>
        await Category(category).Locator(".need-direction").GetByText(direction, new() { Exact = true }).ClickAsync();

    /// <summary>Draws a wavy stroke with the mouse across the signature canvas.</summary>
    public async Task SignAsync(string padId)
    {
        var canvas = page.Locator($"[data-testid={padId}-canvas]");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 12; i++)
        {
            await page.Mouse.MoveAsync(box.X + 20 + i * (box.Width - 40) / 12, box.Y + box.Height / 2 + (i % 2 == 0 ? -25 : 25), new() { Steps = 3 });
        }
        await page.Mouse.UpAsync();
    }

    public async Task SubmitAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
}
