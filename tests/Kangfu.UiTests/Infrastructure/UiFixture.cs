using Microsoft.Playwright;

namespace Kangfu.UiTests.Infrastructure;

/// <summary>
/// One application and one Debian Chromium for all UI tests. Chromium runs with --no-sandbox so the tests
/// also run as root in CI. Each test opens its own browser context (cookies do not leak between tests).
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? playwright;

    public UiApp App { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // CI shares two cores between the server, Chromium and the test runner: be patient, not flaky.
        Assertions.SetDefaultExpectTimeout(20_000);
        await App.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KANGFU_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser page at 1366×768 (the common office screen), Chinese locale, Beijing time.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page already signed in as one of the demo logins.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, string locale = "zh-CN")
    {
        var page = await NewPageAsync(locale);
        await new Pages.LoginPage(page).SignInAsync(userName, Kangfu.IntegrationTests.Infrastructure.KangfuApp.Password);
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
