namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// The in-process writer locks of the audit chains (one lock domain per host: a singleton). They are the fast path: a
/// writer takes a free chain here without a database round trip. Across processes the chain append is serialised by
/// the database as well (<see cref="AuditChainAppend"/>: a PostgreSQL advisory lock, on SQLite the write lock of
/// BEGIN IMMEDIATE), both taken inside the saving transaction before the chain head is read.
/// </summary>
public sealed class AuditChainLocks
{
    /// <summary>How long a writer waits for the chain before giving up with an error (never hangs).</summary>
    public static readonly TimeSpan WriterTimeout = TimeSpan.FromSeconds(60);

    /// <summary>One writer at a time per chain (held from SavingChanges until the save, or its transaction, ends).</summary>
    private readonly SemaphoreSlim[] writers = Enumerable.Range(0, AuditChain.Chains).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private int turn;

    /// <summary>True in an async flow that holds chain 0 (a bulk import): its saves append to chain 0 without waiting again.</summary>
    internal static readonly AsyncLocal<bool> HeldByThisFlow = new();

    /// <summary>
    /// Takes an interactive chain: the lowest free one (a lone writer always appends to chain 1), else waits for one in turn.
    /// Returns the chain, to be given back with <see cref="Release"/>.
    /// </summary>
    internal async Task<int> EnterAsync(CancellationToken ct)
    {
        if (TryEnterFree() is { } free)
        {
            return free;
        }
        var chain = NextInTurn();
        if (!await writers[chain].WaitAsync(WriterTimeout, ct).ConfigureAwait(false))
        {
            throw Busy();
        }
        return chain;
    }

    internal int Enter()
    {
        if (TryEnterFree() is { } free)
        {
            return free;
        }
        var chain = NextInTurn();
        if (!writers[chain].Wait(WriterTimeout))
        {
            throw Busy();
        }
        return chain;
    }

    internal void Release(int chain) => writers[chain].Release();

    /// <summary>
    /// Runs a bulk writer (imports) that appends to chain 0 over a whole transaction, holding it throughout; interactive
    /// saves keep appending to the other chains meanwhile.
    /// </summary>
    internal async Task<T> ExclusiveAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        if (!await writers[0].WaitAsync(WriterTimeout, ct).ConfigureAwait(false))
        {
            throw Busy();
        }
        HeldByThisFlow.Value = true;
        try
        {
            return await action();
        }
        finally
        {
            HeldByThisFlow.Value = false;
            writers[0].Release();
        }
    }

    private int? TryEnterFree()
    {
        for (var chain = 1; chain < AuditChain.Chains; chain++)
        {
            if (writers[chain].Wait(0))
            {
                return chain;
            }
        }
        return null;
    }

    private int NextInTurn() => 1 + (int)((uint)Interlocked.Increment(ref turn) % (AuditChain.Chains - 1));

    private static TimeoutException Busy() => new("审计日志写入繁忙，请稍后重试。");
}
