using Kangfu.Web.Modules.Audit;
using Microsoft.AspNetCore.Identity;

namespace Kangfu.Web.Modules.Access;

/// <summary>The account was locked by wrong current passwords inside a session; the session has been ended.</summary>
public sealed class AccountLockedException() : UnauthorizedAccessException(Text)
{
    public const string Text = "当前密码错误次数过多，账号已锁定，本次登录已结束。请稍后重新登录。";
}

/// <summary>
/// Checks the current password inside a session (password change, authenticator replacement). A wrong password counts
/// towards the account lockout like a failed login; when the account locks, every session of it ends: this one at once
/// (cookie removed), the others at their next account check (new security stamp).
/// </summary>
internal sealed class CurrentPasswordCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit)
{
    /// <summary>True if the password is right; false if wrong (counted); throws <see cref="AccountLockedException"/> once locked.</summary>
    public async Task<bool> HandleAsync(UserContext current, AppUser user, string password, string purpose)
    {
        if (!await users.IsLockedOutAsync(user))
        {
            if (await users.CheckPasswordAsync(user, password))
            {
                await users.ResetAccessFailedCountAsync(user);
                return true;
            }
            await users.AccessFailedAsync(user);
            if (!await users.IsLockedOutAsync(user))
            {
                return false;
            }
        }
        await audit.WriteAsync(current, AuditActions.LockedOut, "AppUser", user.Id, "wrong current password (" + purpose + ")", "失败");
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        throw new AccountLockedException();
    }
}
