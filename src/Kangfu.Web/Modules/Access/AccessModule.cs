using Kangfu.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace Kangfu.Web.Modules.Access;

public static class AccessModule
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<CircuitHandler, CaptureIpCircuitHandler>();
        services.AddCascadingAuthenticationState();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<KangfuDbContext>()
            .AddClaimsPrincipalFactory<KangfuClaimsFactory>()
            .AddDefaultTokenProviders();
        // Identity's stores want a scoped context; feature code uses KangfuDbFactory instead.
        services.AddScoped<KangfuDbContext>(sp => sp.GetRequiredService<KangfuDbFactory>().CreateDbContext());
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/forbidden";
            o.Cookie.Name = "kangfu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(15);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ApiAware(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAware(StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        services.AddScoped<LoginHandler>();
        services.AddScoped<UserSeeder>();
        return services;
    }

    public static WebApplication MapAccess(this WebApplication app)
    {
        app.MapLoginEndpoints();
        return app;
    }

    /// <summary>API callers get a status code, browsers a redirect.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> ApiAware(int status) =>
        context =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = status;
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }
            return Task.CompletedTask;
        };
}
