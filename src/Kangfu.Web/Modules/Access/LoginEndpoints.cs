using Kangfu.Web.Modules.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kangfu.Web.Modules.Access;

public sealed record LoginRequest(string UserName, string Password);

/// <summary>Signs in with a password; unknown user and wrong password get the same answer.</summary>
internal sealed class LoginHandler(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, IHttpContextAccessor http)
{
    public const string FailedMessage = "用户名或密码错误，或账号已锁定。";

    public async Task<bool> HandleAsync(LoginRequest request)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByNameAsync(request.UserName.Trim());
        if (user is null || !user.IsActive)
        {
            await audit.WriteAsync(null, AuditActions.LoginFailed, "AppUser", null, "unknown or disabled", "失败", user?.DistrictCode);
            return false;
        }
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        var context = new UserContext(user.Id, user.UserName ?? "", user.DisplayName, user.DistrictCode, user.AreaCode, user.InstitutionId, [], ip);
        await audit.WriteAsync(context, result.Succeeded ? AuditActions.Login : AuditActions.LoginFailed, "AppUser", user.Id,
            result.IsLockedOut ? "locked out" : null, result.Succeeded ? "成功" : "失败");
        return result.Succeeded;
    }
}

internal static class LoginEndpoints
{
    public static void MapLoginEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
            LoginHandler login) =>
        {
            var ok = await login.HandleAsync(new LoginRequest(userName ?? "", password ?? ""));
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            return ok ? Results.LocalRedirect(target) : Results.LocalRedirect($"/login?error=1&returnUrl={Uri.EscapeDataString(target)}");
        });

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });

        app.MapPost("/api/auth/login", async (LoginRequest request, LoginHandler login) =>
            await login.HandleAsync(request)
                ? Results.NoContent()
                : Results.Problem(LoginHandler.FailedMessage, statusCode: StatusCodes.Status401Unauthorized))
            .DisableAntiforgery();

        app.MapGet("/api/auth/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken }));
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
