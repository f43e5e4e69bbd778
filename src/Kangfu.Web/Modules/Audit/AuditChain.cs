using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// The per-district hash chains of audit rows. New rows get the next sequence number of their chain and the previous
/// row's hash; one writer at a time per chain: in this process by <see cref="AuditChainLocks"/>, across processes by
/// <see cref="AuditChainAppend"/> (and the unique index on (district, chain, sequence) as the last line: a writer that
/// raced anyway fails rather than forks a chain). A writer holds its chain until its transaction commits, so with one chain
/// every audited save in the process waited for the previous one's commit (fsync): the write rate was one commit at a
/// time. With <see cref="Chains"/> chains, that many saves link and commit in parallel; each chain on its own is complete,
/// gap-free and verified like the single chain was.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Chains per district: chain 0 for bulk writers (imports), 1 … Chains − 1 for interactive saves.</summary>
    public const int Chains = 16;

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

    /// <summary>Links the new rows (in insertion order) to the current heads of their districts' chain <paramref name="chain"/>.</summary>
    internal static async Task LinkAsync(DbContext context, IReadOnlyList<AuditEntry> added, int chain, CancellationToken ct)
    {
        foreach (var district in added.GroupBy(a => a.DistrictCode))
        {
            var head = await context.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.DistrictCode == district.Key && a.Chain == chain)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            Link(district, head?.Sequence ?? 0, head?.Hash ?? Genesis, chain);
        }
    }

    internal static void Link(DbContext context, IReadOnlyList<AuditEntry> added, int chain)
    {
        foreach (var district in added.GroupBy(a => a.DistrictCode))
        {
            var head = context.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.DistrictCode == district.Key && a.Chain == chain)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefault();
            Link(district, head?.Sequence ?? 0, head?.Hash ?? Genesis, chain);
        }
    }

    /// <summary>Assigns sequence numbers and hashes to rows that follow (sequence, previous) in <paramref name="chain"/>; returns the new head.</summary>
    internal static (long Sequence, string Hash) Link(IEnumerable<AuditEntry> rows, long sequence, string previous, int chain = 0)
    {
        foreach (var row in rows)
        {
            row.Chain = chain;
            row.At = Truncate(row.At);
            row.Sequence = ++sequence;
            row.PrevHash = previous;
            row.Hash = ComputeHash(row);
            previous = row.Hash;
        }
        return (sequence, previous);
    }

    /// <summary>
    /// Database-level append-only guard: triggers that abort any UPDATE or DELETE of audit rows and of purge checkpoints
    /// (both providers; TRUNCATE too on PostgreSQL), so even SQL run outside the application cannot quietly rewrite history.
    /// DELETE of audit rows has a trigger of its own, which only the purge lifts (<see cref="AllowPurgeAsync"/>), inside its
    /// transaction. Idempotent; run after migrations.
    /// </summary>
    public static async Task ProtectAsync(KangfuDbContext db, CancellationToken ct = default)
    {
        foreach (var table in ProtectedTables)
        {
            if (db.IsPostgres)
            {
                var guard = $"""
                    CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION '{table} is append-only (%)', TG_OP; END $$;
                    DROP TRIGGER IF EXISTS {table}_no_update ON {table};
                    DROP TRIGGER IF EXISTS {table}_no_delete ON {table};
                    CREATE TRIGGER {table}_no_update BEFORE UPDATE OR TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();
                    CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();
                    """;
                await db.Database.ExecuteSqlRawAsync(guard, ct);
            }
            else
            {
                var guard = $"""
                    CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """;
                await db.Database.ExecuteSqlRawAsync(guard, ct);
            }
        }
    }

    private static readonly string[] ProtectedTables = ["audit_entries", "audit_checkpoints"];

    /// <summary>
    /// Lifts (<paramref name="allow"/>) or restores the DELETE guard of audit_entries inside the caller's transaction (DDL is
    /// transactional on both databases, so no other session ever sees the table unguarded). PostgreSQL disables the trigger
    /// (SHARE ROW EXCLUSIVE: writers wait for the commit, readers do not); SQLite drops and recreates it.
    /// </summary>
    internal static Task AllowPurgeAsync(KangfuDbContext db, bool allow, CancellationToken ct) => db.IsPostgres
        ? db.Database.ExecuteSqlRawAsync(allow ? "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_delete"
            : "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_delete", ct)
        : allow ? db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS audit_entries_no_delete", ct) : ProtectAsync(db, ct);

    /// <summary>Drops every append-only trigger (the database owner's maintenance and the tamper tests); <see cref="ProtectAsync"/> restores them.</summary>
    public static async Task LiftProtectionAsync(KangfuDbContext db, CancellationToken ct = default)
    {
        foreach (var table in ProtectedTables)
        {
            var drop = db.IsPostgres
                ? $"DROP TRIGGER IF EXISTS {table}_no_update ON {table}; DROP TRIGGER IF EXISTS {table}_no_delete ON {table};"
                : $"DROP TRIGGER IF EXISTS {table}_no_update; DROP TRIGGER IF EXISTS {table}_no_delete;";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
    }
}
