using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access.Users.AccountActions;

/// <summary>Disables an account (not one's own, not the last enabled one of an admin role); its sessions end within a minute.</summary>
internal sealed class DisableUserHandler(UserAdministration admin)
{
    public Task HandleAsync(UserContext actor, string id, CancellationToken ct = default) =>
        admin.RunAsync(actor, AuditActions.UserDisabled, id, async op =>
        {
            if (op.IsSelf)
            {
                throw new DomainException("不能停用自己的账号。");
            }
            foreach (var role in op.Roles.Where(UserRules.AdminRoles.Contains))
            {
                if (op.Account.IsActive && await op.IsLastEnabledAsync(role))
                {
                    throw new DomainException($"该账号是本区最后一个启用的{Roles.DisplayNames[role]}，不能停用。");
                }
            }
            op.Account.IsActive = false;
            // The new security stamp is saved with the flag; ActiveUserStampValidator also rejects disabled accounts.
            await op.EndSessionsAsync();
            op.Detail = UserAuditDetail.Name(op.Account);
            return true;
        }, ct);
}

/// <summary>Enables a disabled account again (its owner signs in with the password they had).</summary>
internal sealed class EnableUserHandler(UserAdministration admin)
{
    public Task HandleAsync(UserContext actor, string id, CancellationToken ct = default) =>
        admin.RunAsync(actor, AuditActions.UserEnabled, id, async op =>
        {
            op.Account.IsActive = true;
            AccountOperation.Check(await op.Users.UpdateAsync(op.Account));
            op.Detail = UserAuditDetail.Name(op.Account);
            return true;
        }, ct);
}

/// <summary>Ends a lockout (too many wrong passwords or codes) before its 30 minutes are over and resets the failure count.</summary>
internal sealed class UnlockUserHandler(UserAdministration admin)
{
    public Task HandleAsync(UserContext actor, string id, CancellationToken ct = default) =>
        admin.RunAsync(actor, AuditActions.UserUnlocked, id, async op =>
        {
            AccountOperation.Check(await op.Users.SetLockoutEndDateAsync(op.Account, null));
            AccountOperation.Check(await op.Users.ResetAccessFailedCountAsync(op.Account));
            op.Detail = UserAuditDetail.Name(op.Account);
            return true;
        }, ct);
}

/// <summary>
/// Sets a new generated temporary password (returned once, never audited) that must be changed at the next login, and
/// ends the account's sessions. Not for one's own account (that is /account).
/// </summary>
internal sealed class ResetPasswordHandler(UserAdministration admin, IOptions<SecurityOptions> security)
{
    public Task<string> HandleAsync(UserContext actor, string id, CancellationToken ct = default) =>
        admin.RunAsync(actor, AuditActions.PasswordReset, id, async op =>
        {
            if (op.IsSelf)
            {
                throw new DomainException("不能在用户管理中重置自己的密码，请在「我的账号」中修改。");
            }
            var password = TemporaryPassword.Generate(security.Value.PasswordMinLength);
            AccountOperation.Check(await op.Users.RemovePasswordAsync(op.Account));
            AccountOperation.Check(await op.Users.AddPasswordAsync(op.Account, password));
            AccountOperation.Check(await TemporaryPassword.FlagAsync(op.Users, op.Account));
            await op.EndSessionsAsync();
            op.Detail = UserAuditDetail.Name(op.Account);
            return password;
        }, ct);
}

/// <summary>
/// Removes an admin's authenticator (lost or replaced phone): the next login with the password is enrolment-only
/// (/account/mfa). Ends the account's sessions. Not for one's own account (that is /account/mfa).
/// </summary>
internal sealed class ResetAuthenticatorHandler(UserAdministration admin)
{
    public Task HandleAsync(UserContext actor, string id, CancellationToken ct = default) =>
        admin.RunAsync(actor, AuditActions.MfaReset, id, async op =>
        {
            if (op.IsSelf)
            {
                throw new DomainException("不能在用户管理中重置自己的身份验证器，请在「双因素认证」页面更换。");
            }
            if (!op.Roles.Any(UserRules.AdminRoles.Contains))
            {
                throw new DomainException("只有系统管理员、安全管理员和审计管理员账号绑定身份验证器。");
            }
            AccountOperation.Check(await op.Users.RemoveAuthenticationTokenAsync(op.Account, "[AspNetUserStore]", "AuthenticatorKey"));
            AccountOperation.Check(await op.Users.RemoveAuthenticationTokenAsync(op.Account, Mfa.PendingAuthenticator.Provider, Mfa.PendingAuthenticator.Name));
            AccountOperation.Check(await op.Users.SetTwoFactorEnabledAsync(op.Account, false));
            await op.EndSessionsAsync();
            op.Detail = UserAuditDetail.Name(op.Account);
            return true;
        }, ct);
}
