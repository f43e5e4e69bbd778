using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Pages;

/// <summary>One case at /cases/{id}: the action buttons, their forms, the state chip and the history.</summary>
public sealed class CaseDetailPage(IPage page)
{
    public ILocator State => page.Locator(".page-actions");

    public ILocator History => page.Locator(".case-history");

    public ILocator FollowUps => page.Locator("section[aria-labelledby=case-followups-title]");

    public async Task GotoAsync(Guid id) => await page.GotoInteractiveAsync($"/cases/{id}");

    /// <summary>Opens an action's form by its button (exact name).</summary>
    public async Task OpenAsync(string action) =>
        await page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();

    /// <summary>Confirms the open action ("确认…") and waits for the new state.</summary>
    public async Task ConfirmAsync(string action, string expectedState)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "确认" + action }).ClickAsync();
        var error = page.Locator(".mud-alert-text-error");
        await Expect(State.Filter(new() { HasText = expectedState }).Or(error)).ToBeVisibleAsync();
        Assert.False(await error.IsVisibleAsync(), $"{action}: {(await error.IsVisibleAsync() ? await error.InnerTextAsync() : "")}");
        await Expect(State).ToContainTextAsync(expectedState);
    }

    /// <summary>An action without a form: open, confirm, expect the state.</summary>
    public async Task ActAsync(string action, string expectedState)
    {
        await OpenAsync(action);
        await ConfirmAsync(action, expectedState);
    }

    /// <summary>Answers a fitting-scheme question (radio group named by its legend).</summary>
    public async Task AnswerAsync(string question, string option)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = question });
        await group.GetByText(option, new() { Exact = true }).ClickAsync();
        // An answer that opens further questions re-renders the form; wait until the choice is shown as made.
        await Expect(group.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true })).ToBeCheckedAsync();
    }

    /// <summary>Draws a wavy stroke with the mouse across a signature pad's canvas.</summary>
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

    public async Task FillAsync(string label, string value) => await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task ChooseAsync(string option) => await page.GetByText(option, new() { Exact = true }).ClickAsync();
}
