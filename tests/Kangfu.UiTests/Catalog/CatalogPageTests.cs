using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Catalog;

[Collection(UiCollection.Name)]
public sealed class CatalogPageTests(UiFixture ui)
{
    [Fact]
    public async Task Admin_filters_the_catalog_edits_an_item_with_validation_and_sees_the_new_standard()
    {
        var page = await ui.SignedInPageAsync("admin");
        await page.GotoInteractiveAsync("/catalog");
        await Expect(page.Locator("h1")).ToHaveTextAsync("基本康复服务目录");
        await Expect(page.Locator(".catalog-table tbody tr").Filter(new() { HasText = "H-TRN-01" })).ToContainTextAsync("1,500 元/月");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(page, "20-catalog");

        await page.PickAsync("catalog-kind", "辅助器具");
        await Expect(page.Locator(".catalog-table tbody tr")).ToHaveCountAsync(7);

        await page.GetByRole(AriaRole.Link, new() { Name = "轮椅等辅助器具" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("编辑服务项目");
        await page.WaitForInteractiveAsync();
        await page.Locator("#item-SubsidyAmount").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("补助标准不能为负数");
        await page.Locator("#item-SubsidyAmount").FillAsync("1600");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("基本康复服务目录");
        await Expect(page.Locator(".catalog-table tbody tr").Filter(new() { HasText = "L-DEV-02" })).ToContainTextAsync("1,600");
    }

    [Fact]
    public async Task Community_worker_reads_the_catalog_without_edit_links_and_searches_devices()
    {
        var page = await ui.SignedInPageAsync("community");
        await page.GotoInteractiveAsync("/catalog");
        await Expect(page.Locator(".catalog-table tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "复制为" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".catalog-table a")).ToHaveCountAsync(0);

        await page.GotoInteractiveAsync("/catalog/devices");
        await Expect(page.Locator(".count-text")).ToHaveTextAsync("共 1360 个");
        await page.GetByLabel("按编码、名称、分类或功能查找").FillAsync("助听类");
        await Expect(page.Locator(".count-text")).ToHaveTextAsync("共 9 个");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(page, "21-catalog-devices");
    }
}
