using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>
/// Runs one action of the security admin on an account of their district: a DI scope of its own (a fresh Identity context
/// per action — in a Blazor circuit the scoped one would live, and cache users, for the whole circuit), one transaction,
/// and the audit row in that transaction. A broken account rule (<see cref="DomainException"/>: separation of duties,
/// own account, last admin) rolls back and is audited with result 失败. Accounts of other districts do not exist (404).
/// </summary>
internal sealed class UserAdministration(IServiceScopeFactory scopes, AuditLog audit)
{
    public async Task<T> RunAsync<T>(UserContext actor, string action, string? userId, Func<AccountOperation, Task<T>> work, CancellationToken ct = default)
    {
        actor.Demand(Permission.UserManage);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<KangfuDbContext>();
        var operation = new AccountOperation(actor, users, db, scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        if (userId is not null)
        {
            var target = await users.FindByIdAsync(userId);
            if (target is null || target.DistrictCode != actor.DistrictCode)
            {
                throw new NotFoundException();
            }
            operation.Target = target;
            operation.Roles = [.. await users.GetRolesAsync(target)];
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work(operation);
            db.AuditEntries.Add(audit.Create(actor, action, nameof(AppUser), operation.Target?.Id, operation.Detail));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (DomainException refused)
        {
            await transaction.RollbackAsync(ct);
            var target = operation.Target?.UserName ?? operation.Detail;
            await audit.WriteAsync(actor, action, nameof(AppUser), userId, refused.Message + (target is null ? "" : "（" + target + "）"), "失败", ct: ct);
            throw;
        }
    }
}

/// <summary>The account being managed, and what the action needs to change it.</summary>
internal sealed class AccountOperation(UserContext actor, UserManager<AppUser> users, KangfuDbContext db, RoleManager<IdentityRole> roles)
{
    public UserContext Actor { get; } = actor;
    public UserManager<AppUser> Users { get; } = users;
    public KangfuDbContext Db { get; } = db;
    public AppUser? Target { get; set; }
    public IReadOnlyList<string> Roles { get; set; } = [];
    /// <summary>The audit row's detail (masked values; never a password).</summary>
    public string? Detail { get; set; }

    public AppUser Account => Target ?? throw new NotFoundException();

    public bool IsSelf => Target?.Id == Actor.UserId;

    /// <summary>Throws for a failed Identity call: a concurrent change is a 409, anything else a Chinese 400.</summary>
    public static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConcurrencyConflictException("该账号已被其他管理员修改，请刷新后重试。");
        }
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            throw new InputInvalidException(new Dictionary<string, string> { [nameof(UserInput.UserName)] = "用户名：已被使用，请换一个。" });
        }
        throw new InvalidOperationException("账号操作失败：" + string.Join(",", result.Errors.Select(e => e.Code)));
    }

    /// <summary>The last-admin rule: true if no other enabled account of the district holds the role.</summary>
    public async Task<bool> IsLastEnabledAsync(string role)
    {
        var self = Account.Id;
        var district = Actor.DistrictCode;
        var normalized = role.ToUpperInvariant();
        return !await Db.Users.AnyAsync(u => u.DistrictCode == district && u.IsActive && u.Id != self
            && Db.UserRoles.Any(ur => ur.UserId == u.Id && Db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
    }

    /// <summary>Creates the roles missing in this database (a fresh installation has only those of its first accounts).</summary>
    public async Task EnsureRolesAsync(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                Check(await roles.CreateAsync(new IdentityRole(name)));
            }
        }
    }

    /// <summary>Renews the security stamp: every session of the account ends at its next account check (≤ 60 s).</summary>
    public async Task EndSessionsAsync() => Check(await Users.UpdateSecurityStampAsync(Account));
}
