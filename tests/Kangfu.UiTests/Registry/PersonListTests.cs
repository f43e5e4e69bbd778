using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Registry.Pinyin;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Registry;

[Collection(UiCollection.Name)]
public sealed class PersonListTests(UiFixture ui)
{
    [Fact]
    public async Task Community_user_sees_only_own_community_and_finds_by_name_initials_and_id()
    {
        var own = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "欧阳列表");
        var other = await ui.App.AddPersonAsync(KangfuApp.CommunityB, "欧阳他区");
        var page = await ui.SignedInPageAsync("community");
        var list = new PersonListPage(page);

        await list.GotoAsync("pageSize=100");
        Assert.All(await list.AreaCells.AllInnerTextsAsync(), area => Assert.Equal("紫云园社区", area.Trim()));
        Assert.Contains(own.Name, await list.Names.AllInnerTextsAsync());
        Assert.DoesNotContain(other.Name, await list.Names.AllInnerTextsAsync());

        await list.SearchAsync("欧阳");
        Assert.Equal([own.Name], await list.Names.AllInnerTextsAsync());
        Assert.Contains("q=", page.Url, StringComparison.Ordinal);

        await list.SearchAsync(PinyinInitials.Of(own.Name));
        Assert.Equal([own.Name], await list.Names.AllInnerTextsAsync());

        await list.SearchAsync(other.IdNumber);
        await Expect(list.EmptyState).ToBeVisibleAsync();

        await list.SearchAsync(own.IdNumber);
        Assert.Equal([own.Name], await list.Names.AllInnerTextsAsync());
        Assert.DoesNotContain(own.IdNumber, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_are_kept_in_the_url_and_restored_from_it()
    {
        var page = await ui.SignedInPageAsync("street");
        var list = new PersonListPage(page);

        await list.GotoAsync("category=Physical&sort=age&desc=true");

        await Expect(page.Locator("#person-table-title")).ToBeVisibleAsync();
        Assert.All(await page.Locator(".person-table td[data-label='残疾类别']").AllInnerTextsAsync(),
            text => Assert.Contains("肢体", text, StringComparison.Ordinal));
        await Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("年龄");
    }

    [Fact]
    public async Task Sorting_and_opening_a_person_work_from_the_keyboard()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "键盘测试");
        var page = await ui.SignedInPageAsync("community");
        var list = new PersonListPage(page);
        await list.GotoAsync();

        await page.Locator("th", new() { HasText = "年龄" }).Locator("button.sort-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("年龄");
        await page.WaitForURLAsync(url => url.Contains("sort=age", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });

        await list.SearchAsync(person.Name);
        await page.Locator("#person-search").FocusAsync();
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('person-link') ?? false"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/persons/{person.Id}");
        await Expect(page.Locator("h1")).ToContainTextAsync("键盘测试");
    }
}
