using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Access;

/// <summary>双因素认证 in Chromium: a new security admin is sent to /account/mfa, enrols with the key read from the page, signs in with a code.</summary>
[Collection(UiCollection.Name)]
public sealed class MfaEnrolmentUiTests(UiFixture ui, ITestOutputHelper output)
{
    [Fact]
    public async Task New_admin_enrols_an_authenticator_from_the_page_and_signs_in_with_its_code()
    {
        var userName = "ui" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = ui.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserSeeder>()
                .EnsureUserAsync(new NewUser(userName, "新安全管理员", Roles.SecurityAdmin, KangfuApp.District), KangfuApp.Password);
        }
        var page = await ui.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(userName, KangfuApp.Password);
        await page.WaitForURLAsync(url => url.EndsWith("/account/mfa", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("h1")).ToHaveTextAsync("双因素认证");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "身份验证器二维码（内容与下方密钥相同）" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await Screenshots.SaveAsync(page, "account-mfa-enrol");

        // Every other page sends the restricted session back here.
        await page.GotoAsync("/persons");
        await page.WaitForURLAsync(url => url.EndsWith("/account/mfa", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });

        var key = (await page.Locator("#mfa-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(32, key.Length);
        await page.Locator("#mfa-code").FillAsync(Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认绑定" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login?mfa=enrolled", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#login-notice")).ToContainTextAsync("身份验证器已绑定");

        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(KangfuApp.Password);
        await page.Locator("#code").FillAsync(Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForInteractiveAsync();

        var audit = await ui.App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == userName).ToListAsync());
        Assert.Single(audit, a => a.Action == AuditActions.MfaEnrolled && a.Result == "成功");
        Assert.Contains(audit, a => a.Action == AuditActions.Login && a.Changes == "mfa");

        await page.GotoAsync("/account");
        await Expect(page.Locator("h1")).ToHaveTextAsync("我的账号");
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await Screenshots.SaveAsync(page, "account");
        await page.GotoAsync("/account/mfa");
        await Expect(page.Locator("#mfa-title")).ToHaveTextAsync("更换身份验证器");
        await Expect(page.Locator("#mfa-password")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, output);
        await Screenshots.SaveAsync(page, "account-mfa-replace");
    }
}
