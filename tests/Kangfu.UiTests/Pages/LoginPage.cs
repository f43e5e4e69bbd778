using Microsoft.Playwright;

namespace Kangfu.UiTests.Pages;

/// <summary>The static login form at /login.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Error => page.Locator("#login-error");

    public async Task GotoAsync() => await page.GotoAsync("/login");

    public async Task SubmitAsync(string userName, string password)
    {
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        if (Kangfu.IntegrationTests.Infrastructure.Totp.CodeFor(userName) is { } code)
        {
            await page.Locator("#code").FillAsync(code);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    public async Task SignInAsync(string userName, string password)
    {
        await GotoAsync();
        await SubmitAsync(userName, password);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        await page.WaitForInteractiveAsync();
    }
}
