using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Kangfu.IntegrationTests.Subsidies;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Subsidies;

[Collection(UiCollection.Name)]
public sealed class SubsidyUiTests(UiFixture ui, ITestOutputHelper output)
{
    [Fact]
    public async Task District_approver_approves_on_the_page_and_the_card_prints_on_one_page()
    {
        var name = "界面测试资金" + Guid.NewGuid().ToString("N")[..4];
        await ui.App.AddBudgetInDatabaseAsync(10_000m, name);
        var (rehabUser, station) = await ui.App.EnsureRehabStationAsync();
        var c = await ui.App.AddItemCaseAsync(institutionId: station);
        using var community = await LoginAsync("community");
        var applied = await community.ApplyAsync(c.Id);
        using var street = await LoginAsync("street");
        await street.DecideAsync(applied.Id, "approve-street", new { comment = "情况属实" });

        var page = await ui.SignedInPageAsync("approver");
        await page.GotoInteractiveAsync("/subsidies?state=2");
        await Expect(page.Locator("table[aria-label=补贴申请列表]")).ToContainTextAsync("轮椅");
        await Screenshots.SaveAsync(page, "subsidies-list");
        await page.GotoInteractiveAsync($"/subsidies/{applied.Id}");
        await page.PickAsync("fund-source", $"{name}（剩余¥10,000.00）");
        await page.Locator("#decision-comment").FillAsync("同意，列入服务卡");
        await Screenshots.SaveAsync(page, "subsidy-district-approval");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("#approve").ClickAsync();
        await Expect(page.Locator(".page-actions")).ToContainTextAsync("已批准");
        await Expect(page.Locator("#print-card")).ToBeVisibleAsync();
        var card = await ui.App.WithDbAsync(db => db.ServiceCards.FirstAsync(k => k.PersonId == c.PersonId));

        await page.Locator("#print-card").ClickAsync();
        await Expect(page.Locator("#card-number")).ToHaveTextAsync(card.Number);
        await Expect(page.Locator(".card-items")).ToContainTextAsync("¥1,200.00");
        await Expect(page.GetByAltText($"服务卡核验二维码（卡号 {card.Number}）")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "service-card-print");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        // The 打印 button runs window.print() from app.js (inline onclick handlers are blocked by the CSP).
        await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => window.__printed++; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.Equal(1, CountPdfPages(pdf));
        var printed = await ui.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "print" && a.EntityType == nameof(ServiceCard) && a.EntityId == card.Id.ToString()));
        Assert.Equal(1, printed);

        var rehab = await ui.SignedInPageAsync(rehabUser);
        await rehab.GotoInteractiveAsync($"/workspace/{c.Id}");
        await Expect(rehab.Locator("h1")).ToContainTextAsync("轮椅");
        await Expect(rehab.GetByText("余额 ¥1,200.00")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(rehab, "workspace-case");
        await Axe.AssertNoSeriousViolationsAsync(rehab, output);

        await rehab.Locator("#bill-total").FillAsync("300");
        await rehab.GetByRole(AriaRole.Button, new() { Name = "即时结算", Exact = true }).ClickAsync();
        var receipt = rehab.Locator(".receipt");
        await Expect(receipt).ToContainTextAsync("服务卡支付");
        await Expect(receipt).ToContainTextAsync("¥300.00");
        await Expect(rehab.GetByText("余额 ¥900.00")).ToBeVisibleAsync();
        await rehab.Locator("#finish-service").ClickAsync();
        await Expect(rehab.Locator(".page-subtitle")).ToContainTextAsync("待回访");
        await Screenshots.SaveAsync(rehab, "workspace-settled");
        Assert.Equal(900m, await ui.App.WithDbAsync(db => db.ServiceCardItems.Where(i => i.CaseId == c.Id).Select(i => i.ApprovedAmount - i.Spent).FirstAsync()));
    }

    /// <summary>An API client of the Kestrel-hosted app, signed in (WebApplicationFactory's in-memory client does not reach Kestrel).</summary>
    private async Task<HttpClient> LoginAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(ui.App.BaseUrl) };
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = KangfuApp.Password })).EnsureSuccessStatusCode();
        return client;
    }


    private static int CountPdfPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
}
