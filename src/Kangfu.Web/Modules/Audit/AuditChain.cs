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
