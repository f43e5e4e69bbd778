using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Registry;

[Collection(UiCollection.Name)]
public sealed class PersonPageTests(UiFixture ui)
{
    [Fact]
    public async Task Person_of_another_community_looks_like_a_missing_record_and_leaks_nothing()
    {
        var other = await ui.App.AddPersonAsync(KangfuApp.CommunityB, "跨区人员");
        var page = await ui.SignedInPageAsync("community");

        var response = await page.GotoAsync($"/persons/{other.Id}");
        await page.WaitForInteractiveAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("记录不存在或无权访问");
        foreach (var html in new[] { await response!.TextAsync(), await page.ContentAsync() })
        {
            Assert.DoesNotContain(other.Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(other.IdNumber[6..14], html, StringComparison.Ordinal);
            Assert.DoesNotContain(Mask.IdNumber(other.IdNumber), html, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Phone!, html, StringComparison.Ordinal);
            Assert.DoesNotContain(Mask.Phone(other.Phone), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Full_id_is_shown_only_after_confirming_and_the_reveal_is_audited()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "查看测试");
        var page = await ui.SignedInPageAsync("community");
        var view = new PersonPage(page);
        await view.GotoAsync(person.Id);
        await Expect(view.IdNumber).ToHaveTextAsync(Mask.IdNumber(person.IdNumber));
        Assert.DoesNotContain(person.IdNumber, await page.ContentAsync(), StringComparison.Ordinal);

        await view.OpenRevealDialogAsync();
        await Expect(view.Dialog).ToContainTextAsync("审计日志");
        await view.Dialog.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(view.IdNumber).ToHaveTextAsync(Mask.IdNumber(person.IdNumber));
        Assert.Equal(0, await RevealAuditsAsync(person.Id));

        await view.OpenRevealDialogAsync();
        await view.ConfirmRevealAsync();

        await Expect(view.IdNumber).ToHaveTextAsync(person.IdNumber);
        Assert.Equal(1, await RevealAuditsAsync(person.Id));
    }

    [Fact]
    public async Task Bank_account_and_diagnosis_are_masked_until_the_audited_reveal()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "账户页面");
        const string account = "6228480012345678901";
        const string diagnosis = "双下肢截肢，需配置假肢";
        await ui.App.WithDbAsync(async db =>
        {
            var stored = await db.Persons.SingleAsync(p => p.Id == person.Id);
            (stored.BankAccount, stored.Diagnosis) = (account, diagnosis);
            return await db.SaveChangesAsync();
        });
        var page = await ui.SignedInPageAsync("community");
        var view = new PersonPage(page);
        await view.GotoAsync(person.Id);

        await Expect(page.Locator("[data-testid=bank-account]")).ToHaveTextAsync("****8901");
        await Expect(page.Locator("[data-testid=diagnosis]")).ToHaveTextAsync("已填写（受保护）");
        var html = await page.ContentAsync();
        Assert.DoesNotContain(account, html, StringComparison.Ordinal);
        Assert.DoesNotContain("截肢", html, StringComparison.Ordinal);
        await page.Locator("[data-testid=diagnosis]").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "person-protected-masked");

        await view.OpenRevealDialogAsync();
        await Expect(view.Dialog).ToContainTextAsync("银行账号和诊断");
        await view.ConfirmRevealAsync();

        await Expect(page.Locator("[data-testid=bank-account]")).ToHaveTextAsync(account);
        await Expect(page.Locator("[data-testid=diagnosis]")).ToHaveTextAsync(diagnosis);
        Assert.Equal(1, await RevealAuditsAsync(person.Id));
        await page.Locator("[data-testid=diagnosis]").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "person-protected-revealed");
    }

    private Task<int> RevealAuditsAsync(Guid personId) => ui.App.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
        a.Action == AuditActions.Reveal && a.EntityId == personId.ToString() && a.UserName == "community" && a.Result == "成功"));
}
