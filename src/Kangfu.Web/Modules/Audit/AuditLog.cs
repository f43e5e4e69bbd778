using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Audit;

/// <summary>Records actions that change nothing but must be traced: reveals, exports, prints, logins.</summary>
public sealed class AuditLog(KangfuDbFactory dbFactory, TimeProvider clock, AuditChainLocks locks)
{
    /// <summary>
    /// Runs a bulk writer (an import) that appends to chain 0 inside its own transaction, holding the chain throughout
    /// (its saves in this flow append to chain 0 without waiting again). On PostgreSQL the writer also takes chain 0's
    /// advisory lock (<see cref="AuditChainAppend.LockSql"/>) before it reads the head.
    /// </summary>
    internal Task<T> OnBulkChainAsync<T>(Func<Task<T>> action, CancellationToken ct) => locks.ExclusiveAsync(action, ct);

    public async Task WriteAsync(UserContext? user, string action, string entityType, string? entityId,
        string? detail = null, string result = "成功", string? districtCode = null, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        db.AuditEntries.Add(Create(user, action, entityType, entityId, detail, result, districtCode));
        await db.SaveChangesAsync(ct);
    }

    public AuditEntry Create(UserContext? user, string action, string entityType, string? entityId,
        string? detail = null, string result = "成功", string? districtCode = null) =>
        For(user, clock.GetUtcNow().UtcDateTime, action, entityType, entityId, detail, result, districtCode);

    /// <summary>An audit row of the acting user (or of an anonymous caller), for explicit records and the change interceptor.</summary>
    public static AuditEntry For(UserContext? user, DateTime at, string action, string entityType, string? entityId,
        string? detail, string result = "成功", string? districtCode = null) => new()
        {
            DistrictCode = districtCode ?? user?.DistrictCode ?? "",
            Id = Guid.CreateVersion7(),
            // Microseconds: what PostgreSQL keeps, so the hash of a row read back is the hash written.
            At = AuditChain.Truncate(at),
            UserId = user?.UserId,
            UserName = user?.UserName,
            Roles = user is null ? null : string.Join(',', user.Roles),
            AreaCode = user?.AreaPrefix,
            Ip = user?.Ip,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = detail,
            Result = result,
        };
}
