using Microsoft.Playwright;

namespace Kangfu.UiTests.Pages;

/// <summary>One person's page at /persons/{id}.</summary>
public sealed class PersonPage(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator IdNumber => page.Locator("[data-testid=id-number]");

    public ILocator RevealButton => page.GetByRole(AriaRole.Button, new() { Name = "查看完整信息" });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Timeline => page.Locator(".person-timeline");

    public async Task GotoAsync(Guid id) => await page.GotoInteractiveAsync($"/persons/{id}");

    public async Task OpenRevealDialogAsync()
    {
        await RevealButton.ClickAsync();
        await Dialog.WaitForAsync();
    }

    public async Task ConfirmRevealAsync()
    {
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "确认查看" }).ClickAsync();
        await Dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }
}
