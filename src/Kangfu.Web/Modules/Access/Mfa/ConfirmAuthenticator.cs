using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace Kangfu.Web.Modules.Access.Mfa;

/// <summary>The 6-digit code from the authenticator app for the pending key; the current password when a key is already live.</summary>
public sealed record ConfirmAuthenticatorRequest(string? Code, string? CurrentPassword = null);

/// <summary>
/// Makes the pending key live once a current code of it is entered (a wrong code changes nothing; the old key keeps working).
/// Replacing a live key also needs the current password (wrong ones count towards the lockout). Renews the security stamp,
/// so every other session ends within a minute. A first enrolment ends the restricted session too: the admin signs in
/// again with password and code. A replacement keeps this session (refreshed cookie). Audited, without the key.
/// </summary>
internal sealed class ConfirmAuthenticator(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit,
    CurrentPasswordCheck currentPassword, TimeProvider clock)
{
    /// <summary>True for a first enrolment (this session has ended), false for a replacement (this session goes on).</summary>
    public async Task<bool> HandleAsync(UserContext current, ConfirmAuthenticatorRequest request)
    {
        var user = await users.FindByIdAsync(current.UserId) is { IsActive: true } found ? found : throw new UnauthorizedAccessException("请先登录。");
        var actor = current with { Roles = [.. await users.GetRolesAsync(user)] };
        var pending = await users.GetAuthenticationTokenAsync(user, PendingAuthenticator.Provider, PendingAuthenticator.Name)
            ?? throw new DomainException("没有待确认的密钥，请刷新页面后重新扫描二维码。");
        var replacing = await users.GetAuthenticatorKeyAsync(user) is not null;
        if (replacing && string.IsNullOrEmpty(request.CurrentPassword))
        {
            throw new DomainException("当前密码：更换身份验证器需要输入当前密码。");
        }
        if (replacing && !await currentPassword.HandleAsync(actor, user, request.CurrentPassword!, "authenticator replacement"))
        {
            await audit.WriteAsync(actor, AuditActions.MfaEnrolled, "AppUser", user.Id, "wrong current password", "失败");
            throw new DomainException("当前密码：不正确。");
        }
        var code = (request.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!AuthenticatorCode.Verify(pending, code, clock.GetUtcNow()))
        {
            await audit.WriteAsync(actor, AuditActions.MfaEnrolled, "AppUser", user.Id, "wrong code", "失败");
            throw new DomainException("验证码：不正确。请输入身份验证器中当前显示的 6 位数字。");
        }
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", pending);
        await users.RemoveAuthenticationTokenAsync(user, PendingAuthenticator.Provider, PendingAuthenticator.Name);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(actor, AuditActions.MfaEnrolled, "AppUser", user.Id, replacing ? "replaced" : "first enrolment");
        if (replacing)
        {
            await signIn.RefreshSignInAsync(user);
            return false;
        }
        await signIn.SignOutAsync();
        return true;
    }
}
