using System.Runtime.CompilerServices;
using Kangfu.Web.Modules.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// Writes an audit row for every added, changed or deleted audited entity (<see cref="AuditedChanges"/>), in the same
/// transaction as the change, and links the new audit rows into a chain.
/// </summary>
/// <remarks>
/// A chain's writer lock is held from the first audited save until the rows are committed: at the end of the save,
/// or — inside an explicit transaction of several saves — when that transaction commits, rolls back or its connection
/// closes. Released earlier, a concurrent transaction would read the same chain head and collide on the sequence.
/// Concurrent saves take different chains (<see cref="AuditChain.Chains"/>), so they commit in parallel. The chain head
/// is read inside the saving transaction after the database-side lock (<see cref="AuditChainAppend"/>); a save outside
/// a transaction gets one here, committed when the save has succeeded (and rolled back when it fails).
/// </remarks>
internal sealed class AuditInterceptor(CurrentUser currentUser, TimeProvider clock, AuditChainLocks locks)
    : SaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>Contexts whose save holds a chain's writer lock, with the chain (released when the save, or its transaction, ends).</summary>
    private readonly ConditionalWeakTable<DbContext, StrongBox<int>> holding = [];

    /// <summary>Contexts between SavingChanges and the end of the save: their connection may close (after reading the chain head) without ending the hold.</summary>
    private readonly ConditionalWeakTable<DbContext, object> saving = [];

    /// <summary>The transactions opened for a save outside one (committed in SavedChanges, rolled back when the save fails).</summary>
    private readonly SaveTransactions owned = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await owned.EndAsync(context, commit: false, cancellationToken);
            var user = await currentUser.TryGetAsync();
            var added = AuditedChanges.Stamp(context, user, clock.GetUtcNow().UtcDateTime);
            if (added.Count > 0)
            {
                var chain = await TakeChainAsync(context, cancellationToken);
                try
                {
                    owned.Own(context, await AuditChainAppend.BeginAsync(context, added.Select(a => a.DistrictCode), chain, cancellationToken).ConfigureAwait(false));
                    await AuditChain.LinkAsync(context, added, chain, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await owned.EndAsync(context, commit: false, CancellationToken.None);
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
            owned.End(context, commit: false);
            var added = AuditedChanges.Stamp(context, currentUser.PeekFromRequest(), clock.GetUtcNow().UtcDateTime);
            if (added.Count > 0)
            {
                var chain = TakeChain(context);
                try
                {
                    owned.Own(context, AuditChainAppend.Begin(context, added.Select(a => a.DistrictCode), chain));
                    AuditChain.Link(context, added, chain);
                }
                catch
                {
                    owned.End(context, commit: false);
                    Release(context);
                    throw;
                }
            }
        }
        return result;
    }

    private async Task<int> TakeChainAsync(DbContext context, CancellationToken ct)
    {
        var chain = 0;
        if (holding.TryGetValue(context, out var held))
        {
            chain = held.Value;
        }
        else if (!AuditChainLocks.HeldByThisFlow.Value)
        {
            chain = await locks.EnterAsync(ct).ConfigureAwait(false);
            holding.AddOrUpdate(context, new(chain));
        }
        saving.AddOrUpdate(context, this);
        return chain;
    }

    private int TakeChain(DbContext context)
    {
        var chain = 0;
        if (holding.TryGetValue(context, out var held))
        {
            chain = held.Value;
        }
        else if (!AuditChainLocks.HeldByThisFlow.Value)
        {
            chain = locks.Enter();
            holding.AddOrUpdate(context, new(chain));
        }
        saving.AddOrUpdate(context, this);
        return chain;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            saving.Remove(context);
        }
        await owned.EndAsync(eventData.Context, commit: true, cancellationToken);
        ReleaseUnlessInTransaction(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            saving.Remove(context);
        }
        owned.End(eventData.Context, commit: true);
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

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        await owned.EndAsync(eventData.Context, commit: false, CancellationToken.None);
        Release(eventData.Context);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        owned.End(eventData.Context, commit: false);
        Release(eventData.Context);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        await owned.EndAsync(eventData.Context, commit: false, CancellationToken.None);
        Release(eventData.Context);
    }

    /// <summary>
    /// A concurrency conflict (409) ends the save without SaveChangesFailed: release the chain here too. The transaction
    /// opened for the save cannot be rolled back yet (EF still reads the result set): it stays open, holding the database-side
    /// lock, until the context is disposed (its connection closes) or the context saves again (rolled back at the start of that save).
    /// </summary>
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
            locks.Release(held.Value);
        }
    }
}
