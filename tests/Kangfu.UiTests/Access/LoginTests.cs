using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Access;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Access;

[Collection(UiCollection.Name)]
public sealed class LoginTests(UiFixture ui)
{
    [Fact]
    public async Task Wrong_password_shows_the_Chinese_error_and_stays_on_login()
    {
        var page = await ui.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        await login.SubmitAsync("doctor", "not-the-password");

        await Expect(login.Error).ToHaveTextAsync(LoginHandler.FailedMessage);
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_login_and_back_after_signing_in()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/persons");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });

        await new LoginPage(page).SubmitAsync("community", Kangfu.IntegrationTests.Infrastructure.KangfuApp.Password);

        await page.WaitForURLAsync(url => url.EndsWith("/persons", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        await Expect(page.Locator("h1")).ToHaveTextAsync("人员名册");
    }

    /// <summary>The CSP (script-src 'self') blocks inline handlers: a page that still had one logged a violation.</summary>
    [Fact]
    public async Task Login_home_and_person_list_log_no_content_security_policy_violation()
    {
        var anonymous = await ui.NewPageAsync();
        var violations = new List<string>();
        void Watch(Microsoft.Playwright.IPage page) => page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        Watch(anonymous);
        await new LoginPage(anonymous).GotoAsync();
        var page = await ui.SignedInPageAsync("community");
        Watch(page);
        await page.GotoInteractiveAsync("/");
        await page.GotoInteractiveAsync("/persons");
        await Expect(page.Locator("h1")).ToHaveTextAsync("人员名册");
        Assert.Empty(violations);
    }
}
