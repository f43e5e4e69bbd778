using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access.ChangePassword;

/// <summary>A self-service password change: the current password and the new one twice.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// Changes the signed-in user's own password. Identity renews the security stamp, so the user's other sessions end at
/// their next account check (<see cref="SecurityOptions.AccountCheckSeconds"/>); this session gets a fresh cookie
/// with the new stamp and keeps its sign-in time (the absolute lifetime is not extended). Audited, failures too.
/// </summary>
internal sealed class ChangePasswordHandler(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, IOptions<SecurityOptions> security, CurrentPasswordCheck currentPassword)
{
    public async Task HandleAsync(UserContext current, ChangePasswordRequest request)
    {
        var errors = new List<string>();
        var min = security.Value.PasswordMinLength;
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors.Add("当前密码：请填写。");
        }
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors.Add("新密码：请填写。");
        }
        else if (request.NewPassword.Length < min)
        {
            errors.Add($"新密码：至少 {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} 个字符。");
        }
        else if (request.NewPassword == request.CurrentPassword)
        {
            errors.Add("新密码：不能与当前密码相同。");
        }
        if (!string.IsNullOrEmpty(request.NewPassword) && request.NewPassword != request.ConfirmPassword)
        {
            errors.Add("确认新密码：与新密码不一致。");
        }
        if (errors.Count > 0)
        {
            throw new DomainException(string.Join(" ", errors));
        }
        var user = await users.FindByIdAsync(current.UserId);
        if (user is null || !user.IsActive)
        {
            throw new UnauthorizedAccessException("请先登录。");
        }
        // A wrong current password counts towards the lockout; at the limit the session ends (AccountLockedException).
        if (!await currentPassword.HandleAsync(current, user, request.CurrentPassword!, "password change"))
        {
            await audit.WriteAsync(current, AuditActions.PasswordChanged, "AppUser", user.Id, "wrong current password", "失败");
            throw new DomainException("当前密码：不正确。");
        }
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            await audit.WriteAsync(current, AuditActions.PasswordChanged, "AppUser", user.Id, string.Join(",", result.Errors.Select(e => e.Code)), "失败");
            throw new DomainException("新密码：不符合密码规则（至少 " + min.ToString(System.Globalization.CultureInfo.InvariantCulture) + " 个字符）。");
        }
        // A temporary password (set by the security admin) is replaced: the refreshed session is no longer restricted.
        var temporary = await Users.TemporaryPassword.MustChangeAsync(users, user);
        if (temporary)
        {
            await Users.TemporaryPassword.ClearAsync(users, user);
        }
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(current, AuditActions.PasswordChanged, "AppUser", user.Id, temporary ? "temporary password replaced" : null);
    }
}

internal static class ChangePasswordEndpoints
{
    public static void MapChangePassword(this WebApplication app) =>
        app.MapPost("/api/account/password", async (ChangePasswordRequest request, ChangePasswordHandler handler, CurrentUser current) =>
        {
            try
            {
                await handler.HandleAsync(await current.GetAsync(), request);
                return Results.NoContent();
            }
            catch (AccountLockedException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status401Unauthorized, title: e.Message);
            }
        }).RequireAuthorization().DisableAntiforgery();
}
