using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// The transactions <see cref="AuditInterceptor"/> opens for audited saves outside a transaction (so the chain head is read
/// and the rows inserted in one transaction, see <see cref="AuditChainAppend"/>): committed when the save has succeeded,
/// rolled back when it failed.
/// </summary>
internal sealed class SaveTransactions
{
    private readonly ConditionalWeakTable<DbContext, OwnedTransaction> transactions = [];

    private sealed record OwnedTransaction(IDbContextTransaction Transaction, bool AutoSavepoints);

    /// <summary>The transaction is ours: the save needs no savepoint of its own (a failure rolls the whole transaction back).</summary>
    public void Own(DbContext context, IDbContextTransaction? transaction)
    {
        if (transaction is not null)
        {
            transactions.AddOrUpdate(context, new(transaction, context.Database.AutoSavepointsEnabled));
            context.Database.AutoSavepointsEnabled = false;
        }
    }

    /// <summary>
    /// Commits (or rolls back) the transaction opened for the save; the commit releases the chain (TransactionCommitted).
    /// At the start of a save it rolls back a leftover of an earlier save of the context that ended in a conflict.
    /// </summary>
    public async Task EndAsync(DbContext? context, bool commit, CancellationToken ct = default)
    {
        if (context is null || !transactions.TryGetValue(context, out var own) || !transactions.Remove(context))
        {
            return;
        }
        context.Database.AutoSavepointsEnabled = own.AutoSavepoints;
        try
        {
            if (commit)
            {
                await own.Transaction.CommitAsync(ct).ConfigureAwait(false);
            }
            else
            {
                await RollBackQuietlyAsync(own.Transaction).ConfigureAwait(false);
            }
        }
        finally
        {
            await own.Transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void End(DbContext? context, bool commit)
    {
        if (context is null || !transactions.TryGetValue(context, out var own) || !transactions.Remove(context))
        {
            return;
        }
        context.Database.AutoSavepointsEnabled = own.AutoSavepoints;
        try
        {
            if (commit)
            {
                own.Transaction.Commit();
            }
            else
            {
                RollBackQuietly(own.Transaction);
            }
        }
        finally
        {
            own.Transaction.Dispose();
        }
    }

    /// <summary>A failed save's transaction: a rollback that fails too (broken connection) ends with the connection anyway.</summary>
    private static async Task RollBackQuietlyAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The connection is gone; the database has rolled back (and released the advisory lock) itself.
        }
    }

    private static void RollBackQuietly(IDbContextTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // As above.
        }
    }
}
