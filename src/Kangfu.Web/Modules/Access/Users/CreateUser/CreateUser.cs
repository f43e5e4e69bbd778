using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access.Users.CreateUser;

/// <summary>The new account and its temporary password, shown once to the security admin (never stored in clear, never audited).</summary>
public sealed record CreatedUser(string Id, string UserName, string TemporaryPassword);

/// <summary>
/// Creates an account of the security admin's district with a generated temporary password that its owner must change at
/// the first login (<see cref="TemporaryPassword"/>). Admin-role accounts then enrol an authenticator at their first login.
/// </summary>
internal sealed class CreateUserHandler(UserAdministration admin, IOptions<SecurityOptions> security)
{
    public Task<CreatedUser> HandleAsync(UserContext actor, UserInput form, CancellationToken ct = default)
    {
        actor.Demand(Permission.UserManage);
        var input = form.Normalized();
        var errors = UserRules.ShapeErrors(input, creating: true);
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        return admin.RunAsync(actor, AuditActions.UserCreated, null, async op =>
        {
            op.Detail = UserAuditDetail.Of(input);
            if (UserRules.CombinationError(input.Roles) is { } refused)
            {
                throw new DomainException(refused);
            }
            await UserScopeCheck.ThrowIfInvalidAsync(op.Db, actor.DistrictCode, input, ct);
            if (await op.Users.FindByNameAsync(input.UserName!) is not null)
            {
                throw new InputInvalidException(new Dictionary<string, string> { [nameof(UserInput.UserName)] = "用户名：已被使用，请换一个。" });
            }
            var user = new AppUser
            {
                UserName = input.UserName,
                DisplayName = input.DisplayName!,
                DistrictCode = actor.DistrictCode,
                AreaCode = input.AreaCode,
                InstitutionId = input.InstitutionId,
                Direction = input.Direction,
                LockoutEnabled = true,
            };
            var password = TemporaryPassword.Generate(security.Value.PasswordMinLength);
            AccountOperation.Check(await op.Users.CreateAsync(user, password));
            op.Target = user;
            await op.EnsureRolesAsync(input.Roles);
            AccountOperation.Check(await op.Users.AddToRolesAsync(user, input.Roles));
            AccountOperation.Check(await TemporaryPassword.FlagAsync(op.Users, user));
            return new CreatedUser(user.Id, user.UserName!, password);
        }, ct);
    }
}
