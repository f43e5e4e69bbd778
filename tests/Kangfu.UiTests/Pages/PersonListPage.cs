using Microsoft.Playwright;

namespace Kangfu.UiTests.Pages;

/// <summary>The registry list at /persons.</summary>
public sealed class PersonListPage(IPage page)
{
    public ILocator Count => page.Locator("#person-table-count");

    public ILocator Rows => page.Locator(".person-table tbody tr.mud-table-row");

    public ILocator Names => page.Locator(".person-table a.person-link");

    public ILocator AreaCells => page.Locator(".person-table td[data-label='所属社区']");

    public ILocator EmptyState => page.Locator(".person-table .empty-state");

    public async Task GotoAsync(string query = "")
    {
        await page.GotoInteractiveAsync("/persons" + (query.Length > 0 ? "?" + query : ""));
        await WaitForLoadAsync();
    }

    /// <summary>Types into the search box; the list reloads after the debounce.</summary>
    public async Task SearchAsync(string text)
    {
        await page.Locator("#person-search").FillAsync(text);
        // The table marks which search its rows belong to once they are loaded.
        await page.Locator($"#person-table-count[data-query=\"{text}\"]").WaitForAsync();
    }

    public Task WaitForLoadAsync() => Assertions.Expect(Count).ToContainTextAsync("共");
}
