using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Diagnostics;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Localization;
using Kangfu.Web.Platform.Ui;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace Kangfu.Web.Platform;

public static class PlatformSetup
{
    public static IServiceCollection AddKangfuPlatform(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // Without this, Chinese inside @expressions is written as HTML entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCircuitCounter();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.AddSingleton<ThemeStyles>();
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kangfu.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddWebHardening();
        services.AddDataProtection().SetApplicationName("Kangfu").PersistKeysToDbContext<KangfuDbContext>();
        services.AddHealthChecks().AddDbContextCheck<KangfuDbContext>("database");
        return services;
    }

    public static WebApplication UseKangfuPlatform(this WebApplication app)
    {
        var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // The UI is Chinese only: an English browser must not switch MudBlazor's texts, month names and
        // number formats to English. English stays available explicitly (?culture=en or the culture cookie).
        localization.RequestCultureProviders.Remove(
            localization.RequestCultureProviders.OfType<AcceptLanguageHeaderRequestCultureProvider>().First());
        app.UseRequestLocalization(localization);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseStatusCodePages();
        app.UseAuthentication();
        // Restricted sessions (see docs/security.md): an account with a temporary password may only change it,
        // an admin without an authenticator may only enrol one.
        app.UseSessionGate();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapMemoryDiagnostics();
        return app;
    }

    public static WebApplication MapKangfuPages(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
