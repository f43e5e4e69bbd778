using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kangfu.Web.Modules.Catalog.Intake;

/// <summary>
/// The form items of one district's catalog year, kept in memory: every intake load and save needs them, and they
/// change only when the district admin edits the catalog. A save of this process that touches a service item drops the
/// cache at once (<see cref="CatalogChangeInterceptor"/>); an edit made by another app instance shows within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class IntakeItemCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(string District, int Year), Entry> entries = new();
    private long generation;

    public async Task<IReadOnlyList<ServiceItem>> GetAsync(string district, int year, Func<Task<List<ServiceItem>>> load)
    {
        var now = clock.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue((district, year), out var entry) && entry.Generation == current && now - entry.LoadedAt < Lifetime)
        {
            return entry.Items;
        }
        var items = await load();
        // A catalog save that ran while loading may have been missed by the query: keep the rows only if none did.
        if (Interlocked.Read(ref generation) == current)
        {
            entries[(district, year)] = new Entry(items, now, current);
        }
        return items;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    private sealed record Entry(IReadOnlyList<ServiceItem> Items, DateTimeOffset LoadedAt, long Generation);
}

/// <summary>Drops <see cref="IntakeItemCache"/> around every save (and transaction commit) that changes a service item.</summary>
public sealed class CatalogChangeInterceptor(IntakeItemCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        InvalidateIfCatalogChanged(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        InvalidateIfCatalogChanged(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Invalidate(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Invalidate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Invalidate(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Invalidate(eventData.Context);
        return Task.CompletedTask;
    }

    private readonly ConditionalWeakTable<DbContext, object> changedIn = new();

    private void InvalidateIfCatalogChanged(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<ServiceItem>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            // Remembered so that the save and the commit of a surrounding transaction drop the cache once more.
            changedIn.AddOrUpdate(context, this);
            cache.Invalidate();
        }
    }

    private void Invalidate(DbContext? context)
    {
        if (context is not null && changedIn.TryGetValue(context, out _))
        {
            if (context.Database.CurrentTransaction is null)
            {
                changedIn.Remove(context);
            }
            cache.Invalidate();
        }
    }
}
