using Microsoft.Playwright;

namespace Kangfu.UiTests.Pages;

/// <summary>The create/edit form at /persons/new and /persons/{id}/edit.</summary>
public sealed class PersonEditPage(IPage page)
{
    public ILocator ErrorSummary => page.Locator("#error-summary");

    public async Task GotoNewAsync() => await page.GotoInteractiveAsync("/persons/new");

    public async Task GotoEditAsync(Guid id) => await page.GotoInteractiveAsync($"/persons/{id}/edit");

    public async Task FillAsync(string field, string value)
    {
        await page.Locator($"#person-{field}").FillAsync(value);
        await page.Locator($"#person-{field}").BlurAsync();
    }

    public Task PickAsync(string field, string option) => page.PickAsync($"person-{field}", option);

    /// <summary>The message shown under a field (MudBlazor renders it in the field's own input control).</summary>
    public ILocator FieldError(string field) =>
        page.Locator(".mud-input-control", new() { Has = page.Locator($"#person-{field}") }).Locator(".mud-input-helper-text.mud-input-error");

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
}
