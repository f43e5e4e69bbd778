using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Access.Users.UserList;

/// <summary>正常 / 已停用 / 已锁定 (enabled but locked out after wrong passwords or codes).</summary>
public enum UserStatus
{
    Active,
    Disabled,
    Locked,
}

/// <summary>Filters of the user list (all optional). <c>Area</c>: a street or community code (its subtree), or the district code for district-level accounts.</summary>
public sealed record UserFilter(string? Q = null, string? Role = null, string? Area = null, Guid? Institution = null, UserStatus? Status = null,
    string? Sort = null, bool? Desc = null, int? Page = null, int? PageSize = null);

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? AreaCode, string? AreaName,
    Guid? InstitutionId, string? InstitutionName, UserStatus Status, DateTimeOffset? LockedUntil, bool MfaBound, bool MustChangePassword,
    string? MaskedPhone, DateTime? LastLoginAt);

public sealed record UserPage(IReadOnlyList<UserRow> Items, int Total, int Page, int PageSize);

/// <summary>
/// The security admin's list of the accounts of their district: server-side filter, sort and paging. The last login comes
/// from the audit log (the latest successful login row of the account), phone numbers are masked.
/// </summary>
public sealed class UserListQuery(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public static readonly IReadOnlyList<string> Sorts = ["userName", "displayName", "area", "status"];

    public async Task<UserPage> HandleAsync(UserContext actor, UserFilter filter, CancellationToken ct = default)
    {
        actor.Demand(Permission.UserManage);
        await using var db = dbFactory.CreateDbContext();
        var district = actor.DistrictCode;
        var locked = await LockedAsync(db, district, ct);
        var lockedIds = locked.Keys.ToList();
        var query = db.Users.AsNoTracking().Where(u => u.DistrictCode == district);
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q));
        }
        if (filter.Role?.Trim() is { Length: > 0 } role)
        {
            var normalized = role.ToUpperInvariant();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        if (filter.Area is { Length: 12 } area && area.All(char.IsAsciiDigit))
        {
            var prefix = Organization.AreaCodes.Prefix(area);
            query = prefix == district ? query.Where(u => u.AreaCode == null && u.InstitutionId == null)
                : query.Where(u => u.AreaCode != null && u.AreaCode.StartsWith(prefix));
        }
        if (filter.Institution is { } institution)
        {
            query = query.Where(u => u.InstitutionId == institution);
        }
        query = filter.Status switch
        {
            UserStatus.Disabled => query.Where(u => !u.IsActive),
            UserStatus.Locked => query.Where(u => u.IsActive && lockedIds.Contains(u.Id)),
            UserStatus.Active => query.Where(u => u.IsActive && !lockedIds.Contains(u.Id)),
            _ => query,
        };
        var page = Math.Max(1, filter.Page ?? 1);
        var size = Math.Clamp(filter.PageSize ?? 20, 1, MaxPageSize);
        var total = await query.CountAsync(ct);
        var ids = await Sort(query, filter.Sort, filter.Desc == true).Skip((page - 1) * size).Take(size).Select(u => u.Id).ToListAsync(ct);
        var rows = await RowsAsync(db, district, ids, locked, ct);
        return new UserPage(ids.Select(id => rows[id]).ToList(), total, page, size);
    }

    /// <summary>One account of the district, or null.</summary>
    public async Task<UserRow?> RowAsync(UserContext actor, string id, CancellationToken ct = default)
    {
        actor.Demand(Permission.UserManage);
        await using var db = dbFactory.CreateDbContext();
        var rows = await RowsAsync(db, actor.DistrictCode, [id], await LockedAsync(db, actor.DistrictCode, ct), ct);
        return rows.GetValueOrDefault(id);
    }

    /// <summary>Accounts locked right now. Only accounts that were ever locked have an end date; SQLite cannot compare DateTimeOffset in SQL.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> LockedAsync(KangfuDbContext db, string district, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ends = await db.Users.AsNoTracking().Where(u => u.DistrictCode == district && u.LockoutEnd != null)
            .Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
        return ends.Where(e => e.LockoutEnd > now).ToDictionary(e => e.Id, e => e.LockoutEnd!.Value, StringComparer.Ordinal);
    }

    private static IQueryable<AppUser> Sort(IQueryable<AppUser> query, string? sort, bool desc) => sort switch
    {
        "displayName" => desc ? query.OrderByDescending(u => u.DisplayName).ThenBy(u => u.NormalizedUserName) : query.OrderBy(u => u.DisplayName).ThenBy(u => u.NormalizedUserName),
        "area" => desc ? query.OrderByDescending(u => u.AreaCode).ThenByDescending(u => u.InstitutionId).ThenBy(u => u.NormalizedUserName)
            : query.OrderBy(u => u.AreaCode).ThenBy(u => u.InstitutionId).ThenBy(u => u.NormalizedUserName),
        "status" => desc ? query.OrderBy(u => u.IsActive).ThenBy(u => u.NormalizedUserName) : query.OrderByDescending(u => u.IsActive).ThenBy(u => u.NormalizedUserName),
        _ => desc ? query.OrderByDescending(u => u.NormalizedUserName) : query.OrderBy(u => u.NormalizedUserName),
    };

    private static async Task<Dictionary<string, UserRow>> RowsAsync(KangfuDbContext db, string district, List<string> ids,
        Dictionary<string, DateTimeOffset> locked, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.DistrictCode == district && ids.Contains(u.Id)).Select(u => new
        {
            u.Id,
            u.UserName,
            u.DisplayName,
            u.AreaCode,
            u.InstitutionId,
            u.IsActive,
            u.PhoneNumber,
            Mfa = db.UserTokens.Any(t => t.UserId == u.Id && t.LoginProvider == "[AspNetUserStore]" && t.Name == "AuthenticatorKey"),
            MustChange = db.UserTokens.Any(t => t.UserId == u.Id && t.LoginProvider == TemporaryPassword.Provider && t.Name == TemporaryPassword.Name),
        }).ToListAsync(ct);
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct)).ToLookup(r => r.UserId, r => r.Name!, StringComparer.Ordinal);
        var nullableIds = ids.Select(i => (string?)i).ToList();
        var logins = await db.AuditEntries.AsNoTracking()
            .Where(a => a.DistrictCode == district && a.EntityType == nameof(AppUser) && nullableIds.Contains(a.EntityId) && a.Action == AuditActions.Login && a.Result == "成功")
            .GroupBy(a => a.EntityId).Select(g => new { Id = g.Key!, At = g.Max(a => a.At) }).ToDictionaryAsync(g => g.Id, g => g.At, ct);
        var codes = users.Where(u => u.AreaCode != null).Select(u => u.AreaCode!).Distinct().ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == district && codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var institutionIds = users.Where(u => u.InstitutionId != null).Select(u => u.InstitutionId!.Value).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.DistrictCode == district && institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return users.ToDictionary(u => u.Id, u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName,
            roles[u.Id].OrderBy(r => r, StringComparer.Ordinal).ToList(), u.AreaCode, u.AreaCode is { } a ? areas.GetValueOrDefault(a) : null,
            u.InstitutionId, u.InstitutionId is { } i ? institutions.GetValueOrDefault(i) : null,
            !u.IsActive ? UserStatus.Disabled : locked.ContainsKey(u.Id) ? UserStatus.Locked : UserStatus.Active, locked.TryGetValue(u.Id, out var until) ? until : null,
            u.Mfa, u.MustChange, string.IsNullOrEmpty(u.PhoneNumber) ? null : Mask.Phone(u.PhoneNumber), logins.TryGetValue(u.Id, out var at) ? at : null), StringComparer.Ordinal);
    }
}
