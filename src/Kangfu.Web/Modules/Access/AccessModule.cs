using Kangfu.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access;

public static class AccessModule
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<CircuitHandler, CaptureIpCircuitHandler>();
        services.AddCascadingAuthenticationState();
        // Open circuits are re-checked against the account like cookies are (disabled, security stamp renewed).
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAccountState>();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => !o.Validate().Any(), "Security 配置低于等保三级的最低要求。").ValidateOnStart();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<KangfuDbContext>()
            .AddClaimsPrincipalFactory<KangfuClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.Password.RequiredLength = security.Value.PasswordMinLength;
            o.Lockout.MaxFailedAccessAttempts = security.Value.MaxFailedLogins;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.Value.LockoutMinutes);
            o.Lockout.AllowedForNewUsers = true;
        });
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, ActiveUserStampValidator>());
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SecurityOptions>, TimeProvider>((o, security, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(security.Value.AccountCheckSeconds);
            o.TimeProvider = clock;
        });
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
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ApiAware(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAware(StatusCodes.Status403Forbidden);
            o.Events.OnSigningIn = context =>
            {
                AbsoluteSession.Stamp(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>());
                return Task.CompletedTask;
            };
            var checkAccount = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
                if (AbsoluteSession.Expired(context.Properties, services.GetRequiredService<TimeProvider>(), TimeSpan.FromHours(security.AbsoluteTimeoutHours)))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await checkAccount(context);
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>, TimeProvider>((o, security, clock) =>
            {
                o.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.IdleTimeoutMinutes);
                o.TimeProvider = clock;
            });
        // One policy per permission (e.g. [Authorize(Policy = nameof(Permission.AuditRead))] on a page): others get 403.
        services.AddAuthorization(o =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                o.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                    Permissions.Allows(context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value), permission)));
            }
        });
        services.AddScoped<LoginHandler>();
        services.AddScoped<ChangePassword.ChangePasswordHandler>();
        services.AddScoped<CurrentPasswordCheck>();
        services.AddScoped<Mfa.PendingAuthenticator>();
        services.AddScoped<Mfa.ConfirmAuthenticator>();
        services.AddSingleton<Login.LoginNameLimiter>();
        services.AddScoped<UserSeeder>();
        Users.UserEndpoints.AddUserManagement(services);
        return services;
    }

    public static WebApplication MapAccess(this WebApplication app)
    {
        app.MapLoginEndpoints();
        ChangePassword.ChangePasswordEndpoints.MapChangePassword(app);
        Mfa.MfaEndpoints.MapMfa(app);
        Users.UserEndpoints.MapUserManagement(app);
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
