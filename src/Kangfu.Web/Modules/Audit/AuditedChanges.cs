using System.Reflection;
using System.Text.Json;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// The audit rows of a save: one per added, changed or deleted <see cref="IAudited"/> entity (sensitive values masked),
/// and a new concurrency version on every <see cref="IVersioned"/> row. Audit rows themselves may only be added.
/// </summary>
internal static class AuditedChanges
{
    /// <summary>Adds the audit rows of audited changes; returns every new audit row of this save (to be chained).</summary>
    public static List<AuditEntry> Stamp(DbContext context, UserContext? user, DateTime now)
    {
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry or AuditCheckpoint && entry.State != EntityState.Added)
            {
                throw new InvalidOperationException("审计记录只能追加，不能修改或删除。");
            }
            if (entry.Entity is IVersioned versioned && entry.State != EntityState.Deleted)
            {
                versioned.Version = Guid.CreateVersion7();
            }
            if (entry.Entity is IAudited)
            {
                context.Add(ToAudit(entry, user, now));
            }
        }
        return context.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
    }

    private static AuditEntry ToAudit(EntityEntry entry, UserContext? user, DateTime now) => AuditLog.For(
        user,
        now,
        entry.State switch
        {
            EntityState.Added => AuditActions.Create,
            EntityState.Deleted => AuditActions.Delete,
            _ => AuditActions.Update,
        },
        entry.Metadata.ClrType.Name,
        entry.Properties.FirstOrDefault(p => p.Metadata.Name == "Id")?.CurrentValue?.ToString(),
        DescribeChanges(entry),
        districtCode: (entry.Entity as ITenantEntity)?.DistrictCode ?? user?.DistrictCode ?? "");

    private static string DescribeChanges(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // Blind indexes (…Hash) are derived from an audited field; a legacy one holds the plaintext it replaces.
            if (name is nameof(IVersioned.Version) or "UpdatedAt" or "CreatedAt" || name.EndsWith("Hash", StringComparison.Ordinal))
            {
                continue;
            }
            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && Equals(before, after))
            {
                continue;
            }
            var sensitive = property.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>();
            changes[name] = [MaskValue(before, sensitive), MaskValue(after, sensitive)];
        }
        return JsonSerializer.Serialize(changes, AuditJson.Options);
    }

    private static object? MaskValue(object? value, SensitiveAttribute? sensitive) => sensitive is null || value is null
        ? value
        : sensitive.Kind switch
        {
            SensitiveKind.IdNumber => Mask.IdNumber(value.ToString()),
            SensitiveKind.Phone => Mask.Phone(value.ToString()),
            SensitiveKind.Name => Mask.Name(value.ToString()),
            SensitiveKind.BankAccount => Mask.BankAccount(value.ToString()),
            _ => "***",
        };
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
