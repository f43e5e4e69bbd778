using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Registry;

[Collection(UiCollection.Name)]
public sealed class PersonEditTests(UiFixture ui)
{
    [Fact]
    public async Task Wrong_check_digit_is_refused_next_to_the_field_then_a_valid_id_is_saved_with_a_timeline_entry()
    {
        var valid = TestIds.NewResidentId(new DateOnly(1990, 5, 6));
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var page = await ui.SignedInPageAsync("community");
        var form = new PersonEditPage(page);
        await form.GotoNewAsync();

        await form.FillAsync("Name", "新建档案测试");
        await form.FillAsync("IdNumber", wrong);
        await Expect(form.FieldError("IdNumber")).ToHaveTextAsync("身份证号校验位错误");
        await form.PickAsync("Category", "4 肢体");
        await form.PickAsync("Grade", "二级");
        await form.FillAsync("CertificateNumber", wrong + "42");
        await form.SaveAsync();

        await Expect(form.ErrorSummary).ToContainTextAsync("身份证号校验位错误");
        Assert.Contains("/persons/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await ui.App.WithDbAsync(db => db.Persons.CountAsync(p => p.Name == "新建档案测试")));

        await form.FillAsync("IdNumber", valid);
        await Expect(form.FieldError("IdNumber")).ToHaveCountAsync(0);
        await Expect(page.Locator("#person-IdNumber-helper, .mud-input-helper-text").First).ToBeVisibleAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "按身份证号生成" }).ClickAsync();
        await form.SaveAsync();

        await page.WaitForURLAsync(url => !url.Contains("/new", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        var view = new PersonPage(page);
        await Expect(view.Heading).ToContainTextAsync("新建档案测试");
        await Expect(view.Timeline).ToContainTextAsync("建档");
        var saved = await ui.App.WithDbAsync(db => db.Persons.SingleAsync(p => p.IdNumber == valid));
        Assert.Equal(("新建档案测试", "xjdacs", valid + "42", KangfuApp.CommunityA), (saved.Name, saved.NameInitials, saved.CertificateNumber, saved.AreaCode));
    }

    [Fact]
    public async Task Edit_saved_by_someone_else_meanwhile_shows_the_conflict_and_keeps_the_input()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "并发测试");
        await ui.App.WithDbAsync(async db =>
        {
            // A guardian, so the form is valid whatever age the random ID number gives.
            var row = await db.Persons.SingleAsync(p => p.Id == person.Id);
            (row.GuardianName, row.GuardianRelation) = ("并发监护人", GuardianRelation.Parent);
            return await db.SaveChangesAsync();
        });
        var page = await ui.SignedInPageAsync("community");
        var form = new PersonEditPage(page);
        await form.GotoEditAsync(person.Id);

        await ui.App.WithDbAsync(async db =>
        {
            var row = await db.Persons.SingleAsync(p => p.Id == person.Id);
            row.Address = "他人刚保存的地址";
            return await db.SaveChangesAsync();
        });
        await form.FillAsync("Phone", "13912345678");
        await form.SaveAsync();

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert).Filter(new() { HasText = "该记录已被其他用户修改，请刷新后重试" })).ToBeVisibleAsync();
        await Expect(page.Locator("#person-Phone")).ToHaveValueAsync("13912345678");
        var stored = await ui.App.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == person.Id));
        Assert.Equal(person.Phone, stored.Phone);
    }

    [Fact]
    public async Task Bank_account_is_checked_in_the_form_and_saved_with_the_diagnosis()
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "账号表单");
        await ui.App.WithDbAsync(async db =>
        {
            var row = await db.Persons.SingleAsync(p => p.Id == person.Id);
            (row.GuardianName, row.GuardianRelation) = ("账号监护人", GuardianRelation.Parent);
            return await db.SaveChangesAsync();
        });
        var page = await ui.SignedInPageAsync("community");
        var form = new PersonEditPage(page);
        await form.GotoEditAsync(person.Id);

        await form.FillAsync("BankAccount", "62220212");
        await Expect(form.FieldError("BankAccount")).ToHaveTextAsync("银行账号应为12至30位数字");
        await form.FillAsync("BankAccount", "6222 0212 3456 7890 123");
        await Expect(form.FieldError("BankAccount")).ToHaveCountAsync(0);
        await form.FillAsync("Diagnosis", "先天性白内障");
        await page.Locator("#person-Diagnosis").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "person-edit-protected");
        await form.SaveAsync();

        await Expect(new PersonPage(page).Timeline).ToContainTextAsync("银行账号、诊断");
        var stored = await ui.App.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("6222021234567890123", "先天性白内障"), (stored.BankAccount, stored.Diagnosis));
    }
}
