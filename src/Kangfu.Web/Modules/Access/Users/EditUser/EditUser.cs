using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Access.Users.EditUser;

/// <summary>
/// Changes an account's display name, roles and scope (optimistic concurrency on Identity's ConcurrencyStamp → 409).
/// Separation of duties: no admin-role combination, not one's own roles or scope, never the last enabled account of an
/// admin role. A change of roles or scope renews the security stamp: the account signs in again within a minute.
/// </summary>
internal sealed class EditUserHandler(UserAdministration admin)
{
    public Task<string> HandleAsync(UserContext actor, string id, UserInput form, CancellationToken ct = default)
    {
        actor.Demand(Permission.UserManage);
        var input = form.Normalized();
        var errors = UserRules.ShapeErrors(input, creating: false);
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        return admin.RunAsync(actor, AuditActions.UserUpdated, id, async op =>
        {
            var user = op.Account;
            if (input.ConcurrencyStamp != user.ConcurrencyStamp)
            {
                throw new ConcurrencyConflictException("该账号已被其他管理员修改，请刷新后重试。");
            }
            var before = UserInput.From(user, op.Roles);
            input.UserName = user.UserName;
            var removed = before.Roles.Except(input.Roles, StringComparer.Ordinal).ToList();
            var added = input.Roles.Except(before.Roles, StringComparer.Ordinal).ToList();
            var scopeChanged = before.AreaCode != input.AreaCode || before.InstitutionId != input.InstitutionId || before.Direction != input.Direction;
            await CheckRulesAsync(op, input, removed, added.Count > 0 || scopeChanged, ct);
            user.DisplayName = input.DisplayName!;
            user.AreaCode = input.AreaCode;
            user.InstitutionId = input.InstitutionId;
            user.Direction = input.Direction;
            AccountOperation.Check(await op.Users.UpdateAsync(user));
            if (removed.Count > 0)
            {
                AccountOperation.Check(await op.Users.RemoveFromRolesAsync(user, removed));
            }
            if (added.Count > 0)
            {
                await op.EnsureRolesAsync(added);
                AccountOperation.Check(await op.Users.AddToRolesAsync(user, added));
            }
            if (removed.Count > 0 || added.Count > 0 || scopeChanged)
            {
                await op.EndSessionsAsync();
            }
            op.Detail = UserAuditDetail.Changes(before, input);
            return user.ConcurrencyStamp!;
        }, ct);
    }

    private static async Task CheckRulesAsync(AccountOperation op, UserInput input, List<string> removed, bool otherwiseChanged, CancellationToken ct)
    {
        if (op.IsSelf && (removed.Count > 0 || otherwiseChanged))
        {
            throw new DomainException("角色：不能修改自己的角色和管辖范围，请由另一位安全管理员操作。");
        }
        if (UserRules.CombinationError(input.Roles) is { } refused)
        {
            throw new DomainException(refused);
        }
        if (op.Account.IsActive)
        {
            foreach (var role in removed.Where(UserRules.AdminRoles.Contains))
            {
                if (await op.IsLastEnabledAsync(role))
                {
                    throw new DomainException($"角色：该账号是本区最后一个启用的{Roles.DisplayNames[role]}，不能移除该角色。");
                }
            }
        }
        await UserScopeCheck.ThrowIfInvalidAsync(op.Db, op.Actor.DistrictCode, input, ct);
    }
}
