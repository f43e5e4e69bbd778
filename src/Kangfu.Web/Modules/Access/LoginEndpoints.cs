using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kangfu.Web.Modules.Access;

/// <summary>A login: user name, password and, for the admin roles, the 6-digit TOTP code of their authenticator app.</summary>
public sealed record LoginRequest(string UserName, string Password, string? Code = null);

/// <summary>
/// Signs in with a password, plus a TOTP code for the admin roles. Unknown user, wrong password, wrong or missing code,
/// disabled and locked-out accounts all get the same answer; a wrong code counts as a failed attempt towards the lockout.
/// </summary>
internal sealed class LoginHandler(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, IHttpContextAccessor http)
{
    public const string FailedMessage = "用户名或密码错误，或账号已锁定。";

    /// <summary>Roles that must present a second factor (system, security and audit admins).</summary>
    public static readonly IReadOnlySet<string> MfaRoles = new HashSet<string>(StringComparer.Ordinal) { Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin };

    public async Task<bool> HandleAsync(LoginRequest request)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByNameAsync(request.UserName.Trim());
        if (user is null || !user.IsActive)
        {
            var anonymous = new UserContext("", request.UserName.Trim().Length > 64 ? "" : request.UserName.Trim(), "", user?.DistrictCode ?? "", null, null, [], ip);
            await audit.WriteAsync(anonymous, AuditActions.LoginFailed, "AppUser", user?.Id, user is null ? "unknown user" : "disabled", "失败", user?.DistrictCode);
            return false;
        }
        var roles = await users.GetRolesAsync(user);
        var context = new UserContext(user.Id, user.UserName ?? "", user.DisplayName, user.DistrictCode, user.AreaCode, user.InstitutionId, [.. roles], ip);
        var password = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!password.Succeeded)
        {
            await audit.WriteAsync(context, password.IsLockedOut ? AuditActions.LockedOut : AuditActions.LoginFailed, "AppUser", user.Id,
                password.IsLockedOut ? "locked out" : "wrong password", "失败");
            return false;
        }
        if (roles.Any(MfaRoles.Contains))
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            var code = (request.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            var valid = key is not null && code.Length == 6
                && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code);
            if (!valid)
            {
                await users.AccessFailedAsync(user);
                await audit.WriteAsync(context, AuditActions.MfaFailed, "AppUser", user.Id,
                    key is null ? "no authenticator enrolled" : code.Length == 0 ? "code missing" : "wrong code", "失败");
                return false;
            }
            await users.ResetAccessFailedCountAsync(user);
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: roles.Any(MfaRoles.Contains) ? "pwd+totp" : "pwd");
        await audit.WriteAsync(context, AuditActions.Login, "AppUser", user.Id, roles.Any(MfaRoles.Contains) ? "mfa" : null);
        return true;
    }
}

internal static class LoginEndpoints
{
    public static void MapLoginEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? code, [FromForm] string? returnUrl,
            LoginHandler login) =>
        {
            var ok = await login.HandleAsync(new LoginRequest(userName ?? "", password ?? "", code));
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            return ok ? Results.LocalRedirect(target) : Results.LocalRedirect($"/login?error=1&returnUrl={Uri.EscapeDataString(target)}");
        }).RequireRateLimiting(WebHardening.LoginPolicy);

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, CurrentUser current, AuditLog audit) =>
        {
            if (await current.TryGetAsync() is { } user)
            {
                await audit.WriteAsync(user, AuditActions.Logout, "AppUser", user.UserId);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });

        app.MapPost("/api/auth/login", async (LoginRequest request, LoginHandler login) =>
            await login.HandleAsync(request)
                ? Results.NoContent()
                : Results.Problem(LoginHandler.FailedMessage, statusCode: StatusCodes.Status401Unauthorized))
            .DisableAntiforgery()
            .RequireRateLimiting(WebHardening.LoginPolicy);

        app.MapGet("/api/auth/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken }));
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
