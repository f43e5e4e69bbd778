using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Access;

/// <summary>用户管理 in Chromium: the security admin lists, creates (temporary password shown once) and resets an account; its owner must change the password first.</summary>
[Collection(UiCollection.Name)]
public sealed class UserManagementUiTests(UiFixture ui, ITestOutputHelper output)
{
    [Fact]
    public async Task Security_admin_creates_an_account_whose_owner_must_change_the_temporary_password()
    {
        var page = await ui.SignedInPageAsync("security");
        await page.GetByRole(AriaRole.Link, new() { Name = "用户管理" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/users", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync("用户管理");
        await Expect(page.Locator("#user-table-count")).ToContainTextAsync("个账号");
        await Expect(page.Locator(".user-table tbody tr").Filter(new() { HasText = "auditor" })).ToContainTextAsync("审计管理员");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await Screenshots.SaveAsync(page, "users");

        await page.PickAsync("user-filter-role", "区系统管理员");
        await Expect(page.Locator(".user-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".user-table tbody tr")).ToContainTextAsync("admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "新建用户" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("新建用户");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("用户名：请填写。");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("角色：请至少选择一个角色。");

        var userName = "ui" + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#user-UserName").FillAsync(userName);
        await page.Locator("#user-DisplayName").FillAsync("界面测试员");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "安全管理员" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "审计管理员" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "三权分立" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "安全管理员" }).UncheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "审计管理员" }).UncheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "社区工作人员" }).CheckAsync();
        await page.PickAsync("user-Street", "塘沽街道");
        await page.PickAsync("user-AreaCode", "紫云园社区");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await Screenshots.SaveAsync(page, "users-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();

        await Expect(page.Locator("#temp-password-title")).ToHaveTextAsync("账号已创建");
        var temporary = (await page.Locator("#temp-password").InnerTextAsync()).Trim();
        Assert.True(temporary.Length >= 16);
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await Screenshots.SaveAsync(page, "users-created");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看账号" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("界面测试员");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".person-title")).ToContainTextAsync("待修改临时密码");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await Screenshots.SaveAsync(page, "user-page");
        await page.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Expect(page.Locator("#temp-password-title")).ToHaveTextAsync("已重置密码");
        var reset = (await page.Locator("#temp-password").InnerTextAsync()).Trim();
        Assert.NotEqual(temporary, reset);

        // The owner signs in with the temporary password: only the password change is reachable.
        var owner = await ui.NewPageAsync();
        var login = new LoginPage(owner);
        await login.GotoAsync();
        await login.SubmitAsync(userName, reset);
        await owner.WaitForURLAsync(url => url.EndsWith("/account", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(owner.Locator(".mfa-required")).ToContainTextAsync("临时密码");
        await Axe.AssertNoSeriousViolationsAsync(owner, output);
        await Screenshots.SaveAsync(owner, "account-temporary-password");
        await owner.GotoAsync("/persons");
        await owner.WaitForURLAsync(url => url.EndsWith("/account", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await owner.Locator("#current-password").FillAsync(reset);
        await owner.Locator("#new-password").FillAsync("ui-owner-passphrase-2026");
        await owner.Locator("#confirm-password").FillAsync("ui-owner-passphrase-2026");
        await owner.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await owner.WaitForURLAsync(url => !url.Contains("/account", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await owner.GotoInteractiveAsync("/persons");
        await Expect(owner.Locator("h1")).ToHaveTextAsync("人员名册");

        var audit = await ui.App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == "security" && a.Changes!.Contains(userName)).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.UserCreated && a.Result == "成功");
        Assert.Contains(audit, a => a.Action == AuditActions.UserCreated && a.Result == "失败");
        Assert.Contains(audit, a => a.Action == AuditActions.PasswordReset);
        Assert.DoesNotContain(audit, a => a.Changes!.Contains(temporary, StringComparison.Ordinal) || a.Changes!.Contains(reset, StringComparison.Ordinal));
    }
}
