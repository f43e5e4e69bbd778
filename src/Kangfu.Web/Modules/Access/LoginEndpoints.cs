using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kangfu.Web.Modules.Access;

/// <summary>A login: user name, password and, for the admin roles, the 6-digit TOTP code of their authenticator app.</summary>
public sealed record LoginRequest(string UserName, string Password, string? Code = null);

/// <summary>What a login attempt led to.</summary>
public enum LoginOutcome
{
    Failed,
    SignedIn,
    /// <summary>An admin without an authenticator: signed in to a restricted session that can only enrol one (/account/mfa).</summary>
    EnrolmentRequired,
    /// <summary>The password is a temporary one set by the security admin: signed in to a session that can only change it (/account).</summary>
    PasswordChangeRequired,
    /// <summary>Too many attempts for this user name (whether or not it exists).</summary>
    Throttled,
}

/// <summary>
/// Signs in with a password, plus a TOTP code for the admin roles. Unknown user, wrong password, wrong or missing code,
/// disabled and locked-out accounts all get the same answer; a wrong code counts as a failed attempt towards the lockout.
/// An admin who has no authenticator yet gets, after the right password, a restricted session for enrolment only; an account
/// with a temporary password (set by the security admin) a session that can only change it.
/// </summary>
internal sealed class LoginHandler(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, IHttpContextAccessor http,
    Login.LoginNameLimiter limiter)
{
    public const string FailedMessage = "用户名或密码错误，或账号已锁定。";

    /// <summary>Roles that must present a second factor (system, security and audit admins).</summary>
    public static readonly IReadOnlySet<string> MfaRoles = new HashSet<string>(StringComparer.Ordinal) { Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin };

    public async Task<LoginOutcome> HandleAsync(LoginRequest request)
    {
        if (!limiter.TryAcquire(request.UserName))
        {
            return LoginOutcome.Throttled;
        }
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByNameAsync(request.UserName.Trim());
        if (user is null || !user.IsActive)
        {
            var anonymous = new UserContext("", request.UserName.Trim().Length > 64 ? "" : request.UserName.Trim(), "", user?.DistrictCode ?? "", null, null, [], ip);
            await audit.WriteAsync(anonymous, AuditActions.LoginFailed, "AppUser", user?.Id, user is null ? "unknown user" : "disabled", "失败", user?.DistrictCode);
            return LoginOutcome.Failed;
        }
        var roles = await users.GetRolesAsync(user);
        var context = new UserContext(user.Id, user.UserName ?? "", user.DisplayName, user.DistrictCode, user.AreaCode, user.InstitutionId, [.. roles], ip);
        var password = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!password.Succeeded)
        {
            await audit.WriteAsync(context, password.IsLockedOut ? AuditActions.LockedOut : AuditActions.LoginFailed, "AppUser", user.Id,
                password.IsLockedOut ? "locked out" : "wrong password", "失败");
            return LoginOutcome.Failed;
        }
        return roles.Any(MfaRoles.Contains) ? await SecondFactorAsync(user, context, request.Code) : await SignInAsync(user, context, "pwd", null);
    }

    private async Task<LoginOutcome> SecondFactorAsync(AppUser user, UserContext context, string? submitted)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            // KangfuClaimsFactory issues this account a principal without roles, marked enrolment-only (SessionGate),
            // or password-change-only first if its password is a temporary one.
            if (await Users.TemporaryPassword.MustChangeAsync(users, user))
            {
                return await SignInAsync(user, context, "pwd", null);
            }
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd-enrol");
            await audit.WriteAsync(context, AuditActions.Login, "AppUser", user.Id, "mfa-enrolment-only");
            return LoginOutcome.EnrolmentRequired;
        }
        var code = (submitted ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            await users.AccessFailedAsync(user);
            await audit.WriteAsync(context, AuditActions.MfaFailed, "AppUser", user.Id, code.Length == 0 ? "code missing" : "wrong code", "失败");
            return LoginOutcome.Failed;
        }
        await users.ResetAccessFailedCountAsync(user);
        return await SignInAsync(user, context, "pwd+totp", "mfa");
    }

    private async Task<LoginOutcome> SignInAsync(AppUser user, UserContext context, string method, string? detail)
    {
        // A temporary password (set by the security admin) gives a session that can only change it (SessionGate).
        var mustChange = await Users.TemporaryPassword.MustChangeAsync(users, user);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: method);
        await audit.WriteAsync(context, AuditActions.Login, "AppUser", user.Id, mustChange ? JoinDetail(detail, "password-change-only") : detail);
        return mustChange ? LoginOutcome.PasswordChangeRequired : LoginOutcome.SignedIn;
    }

    private static string JoinDetail(string? detail, string mark) => detail is null ? mark : detail + "," + mark;
}

internal static class LoginEndpoints
{
    public static void MapLoginEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? code, [FromForm] string? returnUrl,
            LoginHandler login) =>
        {
            var outcome = await login.HandleAsync(new LoginRequest(userName ?? "", password ?? "", code));
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            return outcome switch
            {
                LoginOutcome.SignedIn => Results.LocalRedirect(target),
                LoginOutcome.EnrolmentRequired => Results.LocalRedirect(Mfa.MfaEnrolmentGate.EnrolmentPath),
                LoginOutcome.PasswordChangeRequired => Results.LocalRedirect(SessionGate.AccountPath),
                LoginOutcome.Throttled => Results.LocalRedirect($"/login?error=2&returnUrl={Uri.EscapeDataString(target)}"),
                _ => Results.LocalRedirect($"/login?error=1&returnUrl={Uri.EscapeDataString(target)}"),
            };
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

        app.MapPost("/api/auth/login", async (LoginRequest request, LoginHandler login, HttpContext http) =>
            await login.HandleAsync(request) switch
            {
                LoginOutcome.SignedIn => Results.NoContent(),
                LoginOutcome.EnrolmentRequired => Results.Ok(new { next = Mfa.MfaEnrolmentGate.EnrolmentPath, title = Mfa.MfaEnrolmentGate.EnrolFirstMessage }),
                LoginOutcome.PasswordChangeRequired => Results.Ok(new { next = SessionGate.AccountPath, title = SessionGate.ChangeFirstMessage }),
                LoginOutcome.Throttled => TooManyRequests(http),
                _ => Results.Problem(LoginHandler.FailedMessage, statusCode: StatusCodes.Status401Unauthorized),
            })
            .DisableAntiforgery()
            .RequireRateLimiting(WebHardening.LoginPolicy);

        app.MapGet("/api/auth/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken }));
    }

    /// <summary>The same answer as the per-IP limiter's (WebHardening).</summary>
    private static IResult TooManyRequests(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return Results.Json(new { title = WebHardening.TooManyRequests, status = StatusCodes.Status429TooManyRequests }, statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
