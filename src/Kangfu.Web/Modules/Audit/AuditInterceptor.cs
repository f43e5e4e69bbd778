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
/// <remarks>
/// A chain's writer lock is held from the first audited save until the rows are committed: at the end of the save,
/// or — inside an explicit transaction of several saves — when that transaction commits, rolls back or its connection
/// closes. Released earlier, a concurrent transaction would read the same chain head and collide on the sequence.
/// Concurrent saves take different chains (<see cref="AuditChain.Chains"/>), so they commit in parallel.
/// </remarks>
internal sealed class AuditInterceptor(CurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>Contexts whose save holds a chain's writer lock, with the chain (released when the save, or its transaction, ends).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, System.Runtime.CompilerServices.StrongBox<int>> holding = [];

    /// <summary>Contexts between SavingChanges and the end of the save: their connection may close (after reading the chain head) without ending the hold.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> saving = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var user = await currentUser.TryGetAsync();
            var added = Stamp(context, user);
            if (added.Count > 0)
            {
                var chain = 0;
                if (holding.TryGetValue(context, out var held))
                {
                    chain = held.Value;
                }
                else if (!AuditChain.HeldByThisFlow.Value)
                {
                    chain = await AuditChain.EnterAsync(cancellationToken).ConfigureAwait(false);
                    holding.AddOrUpdate(context, new(chain));
                }
                saving.AddOrUpdate(context, this);
                try
                {
                    await AuditChain.LinkAsync(context, added, chain, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    Release(context);
                    throw;
                }
            }
        }
        return result;
    }

    /// <summary>Framework code (data protection keys) saves synchronously; the user then comes from the request only.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var added = Stamp(context, currentUser.PeekFromRequest());
            if (added.Count > 0)
            {
                var chain = 0;
                if (holding.TryGetValue(context, out var held))
                {
                    chain = held.Value;
                }
                else if (!AuditChain.HeldByThisFlow.Value)
                {
                    chain = AuditChain.Enter();
                    holding.AddOrUpdate(context, new(chain));
                }
                saving.AddOrUpdate(context, this);
                try
                {
                    AuditChain.Link(context, added, chain);
                }
                catch
                {
                    Release(context);
                    throw;
                }
            }
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReleaseUnlessInTransaction(eventData.Context);
        return result;
    }

    private void ReleaseUnlessInTransaction(DbContext? context)
    {
        if (context is not null)
        {
            saving.Remove(context);
        }
        if (context?.Database.CurrentTransaction is null)
        {
            Release(context);
        }
    }

    void IDbTransactionInterceptor.TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.Context);

    Task IDbTransactionInterceptor.TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback (an exception in the action) ends with its connection.</summary>
    void IDbConnectionInterceptor.ConnectionClosed(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) => ReleaseUnlessSaving(eventData.Context);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData)
    {
        ReleaseUnlessSaving(eventData.Context);
        return Task.CompletedTask;
    }

    private void ReleaseUnlessSaving(DbContext? context)
    {
        if (context is not null && !saving.TryGetValue(context, out _))
        {
            Release(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A concurrency conflict (409) ends the save without SaveChangesFailed: release here too.</summary>
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    private void Release(DbContext? context)
    {
        if (context is not null)
        {
            saving.Remove(context);
        }
        if (context is not null && holding.TryGetValue(context, out var held) && holding.Remove(context))
        {
            AuditChain.Writers[held.Value].Release();
        }
    }

    /// <summary>Adds the audit rows of audited changes; returns every new audit row of this save (to be chained).</summary>
    private List<AuditEntry> Stamp(DbContext context, UserContext? user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry && entry.State != EntityState.Added)
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
