using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// The per-district hash chain of audit rows. New rows get the next sequence number and the previous row's hash;
/// writers in this process are serialized (the unique index on (district, sequence) stops a second process from forking the chain).
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>One writer at a time appends to the chains (held from SavingChanges until the save ends).</summary>
    internal static readonly SemaphoreSlim Writer = new(1, 1);

    public static DateTime Truncate(DateTime at) => new(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Canonical form: every field in a fixed order, unit-separated, times as UTC microseconds.</summary>
    public static string Canonical(AuditEntry e) => string.Join('\u001f',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.DistrictCode,
        e.Id.ToString("D", CultureInfo.InvariantCulture),
        e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        e.UserId ?? "\u2400",
        e.UserName ?? "\u2400",
        e.Roles ?? "\u2400",
        e.AreaCode ?? "\u2400",
        e.Ip ?? "\u2400",
        e.Action,
        e.EntityType,
        e.EntityId ?? "\u2400",
        e.Changes ?? "\u2400",
        e.Result,
        e.PrevHash);

    public static string ComputeHash(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>Links the new rows (in insertion order) to the current heads of their districts' chains.</summary>
    internal static async Task LinkAsync(DbContext context, IReadOnlyList<AuditEntry> added, CancellationToken ct)
    {
        foreach (var district in added.GroupBy(a => a.DistrictCode))
        {
            var head = await context.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.DistrictCode == district.Key)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            Link(district, head?.Sequence ?? 0, head?.Hash ?? Genesis);
        }
    }

    internal static void Link(DbContext context, IReadOnlyList<AuditEntry> added)
    {
        foreach (var district in added.GroupBy(a => a.DistrictCode))
        {
            var head = context.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.DistrictCode == district.Key)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefault();
            Link(district, head?.Sequence ?? 0, head?.Hash ?? Genesis);
        }
    }

    /// <summary>How long a writer waits for the chain before giving up with an error (never hangs).</summary>
    public static readonly TimeSpan WriterTimeout = TimeSpan.FromSeconds(60);

    internal static async Task EnterAsync(CancellationToken ct)
    {
        if (!await Writer.WaitAsync(WriterTimeout, ct).ConfigureAwait(false))
        {
            throw new TimeoutException("审计日志写入繁忙，请稍后重试。");
        }
    }

    internal static void Enter()
    {
        if (!Writer.Wait(WriterTimeout))
        {
            throw new TimeoutException("审计日志写入繁忙，请稍后重试。");
        }
    }

    /// <summary>True in an async flow that already holds <see cref="Writer"/> (a bulk import): its saves do not wait for it again.</summary>
    internal static readonly AsyncLocal<bool> HeldByThisFlow = new();

    /// <summary>Runs a bulk writer (imports) that appends to the chains over a whole transaction, holding the writer lock.</summary>
    internal static async Task<T> ExclusiveAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        await EnterAsync(ct).ConfigureAwait(false);
        HeldByThisFlow.Value = true;
        try
        {
            return await action();
        }
        finally
        {
            HeldByThisFlow.Value = false;
            Writer.Release();
        }
    }

    /// <summary>Assigns sequence numbers and hashes to rows that follow (sequence, previous); returns the new head.</summary>
    internal static (long Sequence, string Hash) Link(IEnumerable<AuditEntry> rows, long sequence, string previous)
    {
        foreach (var row in rows)
        {
            row.At = Truncate(row.At);
            row.Sequence = ++sequence;
            row.PrevHash = previous;
            row.Hash = ComputeHash(row);
            previous = row.Hash;
        }
        return (sequence, previous);
    }

    /// <summary>
    /// Database-level append-only guard: triggers that abort any UPDATE or DELETE of audit rows (both providers),
    /// so even SQL run outside the application cannot quietly rewrite history. Idempotent; run after migrations.
    /// </summary>
    public static async Task ProtectAsync(KangfuDbContext db, CancellationToken ct = default)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only (%)', TG_OP; END $$;
                DROP TRIGGER IF EXISTS audit_entries_no_update ON audit_entries;
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
                """, ct);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
                """, ct);
        }
    }
}
