using System.Reflection;
using System.Text.Json;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// Writes an audit row for every added, changed or deleted <see cref="IAudited"/> entity, in the same
/// transaction as the change, and stamps a new concurrency version on every <see cref="IVersioned"/> row.
/// </summary>
internal sealed class AuditInterceptor(CurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var user = await currentUser.TryGetAsync();
            Stamp(context, user);
        }
        return result;
    }

    /// <summary>Framework code (data protection keys) saves synchronously; the user then comes from the request only.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Stamp(context, currentUser.PeekFromRequest());
        }
        return result;
    }

    private void Stamp(DbContext context, UserContext? user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is IVersioned versioned && entry.State != EntityState.Deleted)
            {
                versioned.Version = Guid.CreateVersion7();
            }
            if (entry.Entity is IAudited)
            {
                context.Add(ToAudit(entry, user, now));
            }
        }
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
