using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Audit.VerifyAudit;

/// <summary>The outcome of a chain check: OK, or the first broken row (district, sequence, id) and why.</summary>
public sealed record AuditVerification(bool Ok, long Rows, int Districts, string? District = null, long? Sequence = null, Guid? Id = null, string? Reason = null,
    int? Chain = null, int Checkpoints = 0, long Purged = 0)
{
    public string Describe() => Ok
        ? $"OK：{Districts} 个区县的审计链完整，共 {Rows} 行。" + (Checkpoints > 0 ? $"另有 {Checkpoints} 个签名检查点覆盖已清理的 {Purged} 行。" : "")
        : $"审计链损坏：区县 {District}，第 {Chain} 链，序号 {Sequence}，记录 {Id}：{Reason}";
}

/// <summary>
/// Walks every chain of every district in sequence order and recomputes each row's hash: an edited row (hash mismatch),
/// a deleted row (gap in the sequence, or a previous-hash that does not match) and reordered rows (sequence changed,
/// so the hash no longer matches) are all named by the first row where the chain breaks. A gap is accepted exactly when
/// signed purge checkpoints (<see cref="AuditCheckpoint"/>) cover it range by range (<see cref="CheckpointWalk"/>).
/// </summary>
public sealed class VerifyAuditChain(KangfuDbFactory dbFactory)
{
    public async Task<AuditVerification> HandleAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        await using var snapshot = await SnapshotAsync(db, ct);
        var checkpoints = (await db.AuditCheckpoints.AsNoTracking().ToListAsync(ct))
            .GroupBy(c => (c.DistrictCode, c.Chain)).ToDictionary(g => g.Key, g => g.ToList());
        var chains = (await db.AuditEntries.AsNoTracking().Select(a => new { a.DistrictCode, a.Chain }).Distinct().ToListAsync(ct))
            .Select(c => (c.DistrictCode, c.Chain)).Union(checkpoints.Keys)
            .OrderBy(c => c.DistrictCode, StringComparer.Ordinal).ThenBy(c => c.Chain).ToList();
        var districts = chains.Select(c => c.DistrictCode).Distinct().ToList();
        var key = FieldProtection.AuditCheckpointKey;
        long rows = 0;
        foreach (var (district, chain) in chains)
        {
            var walk = new CheckpointWalk(checkpoints.GetValueOrDefault((district, chain)) ?? [], key);
            await foreach (var row in db.AuditEntries.AsNoTracking().Where(a => a.DistrictCode == district && a.Chain == chain)
                .OrderBy(a => a.Sequence).ThenBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                rows++;
                if (walk.Check(row) is { } reason)
                {
                    return new AuditVerification(false, rows, districts.Count, district, row.Sequence, row.Id, reason, chain);
                }
            }
            if (walk.Unused() is { } unused)
            {
                return new AuditVerification(false, rows, districts.Count, district, unused.FirstSequence, unused.Id,
                    $"清理检查点（序号 {unused.FirstSequence} 至 {unused.LastSequence}）与现存记录不符（未覆盖任何缺口）", chain);
            }
        }
        var all = checkpoints.Values.SelectMany(c => c).ToList();
        return new AuditVerification(true, rows, districts.Count, Checkpoints: all.Count, Purged: all.Sum(c => c.Count));
    }

    /// <summary>
    /// One snapshot for the whole walk, so a purge committing meanwhile (rows gone, checkpoints new) is seen entirely or not
    /// at all: REPEATABLE READ on PostgreSQL, a deferred (read) transaction on SQLite, which does not block writers.
    /// </summary>
    private static async Task<IAsyncDisposable> SnapshotAsync(KangfuDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        var read = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(read, ct);
        return read;
    }
}

/// <summary>
/// One chain's walk: the expected next sequence and previous hash, and the chain's checkpoints. Where a row's sequence
/// jumps, the checkpoints starting at the expected sequence must cover the gap exactly, one after the other: each validly
/// signed, linked to the hash before it, ending before the row; the row's PrevHash must then be the last checkpoint's hash.
/// </summary>
internal sealed class CheckpointWalk(List<AuditCheckpoint> checkpoints, byte[] key)
{
    private readonly Dictionary<long, AuditCheckpoint> byFirst = checkpoints.GroupBy(c => c.FirstSequence).ToDictionary(g => g.Key, g => g.First());
    private readonly HashSet<Guid> used = [];
    private long expected = 1;
    private string previous = AuditChain.Genesis;
    private AuditCheckpoint? bridged;

    public string? Check(AuditEntry row)
    {
        bridged = null;
        while (row.Sequence > expected && byFirst.TryGetValue(expected, out var checkpoint))
        {
            if (Bridge(checkpoint, row) is { } broken)
            {
                return broken;
            }
        }
        var reason = row.Sequence != expected
            ? (row.Sequence > expected ? $"序号 {expected} 至 {row.Sequence - 1} 的记录缺失（被删除）" : "序号重复（记录被复制或重排）")
            : row.PrevHash != previous
                ? (bridged is null ? "前一行哈希不符（前一行被删除、替换或重排）" : $"前一行哈希与清理检查点（序号 {bridged.FirstSequence} 至 {bridged.LastSequence}）不符")
            : AuditChain.ComputeHash(row) != row.Hash ? "内容哈希不符（记录被修改）"
            : null;
        expected++;
        previous = row.Hash;
        return reason;
    }

    private string? Bridge(AuditCheckpoint c, AuditEntry row)
    {
        var range = $"清理检查点（序号 {c.FirstSequence} 至 {c.LastSequence}）";
        var reason = !AuditCheckpointSignature.IsValid(c, key) ? range + "签名无效（检查点被修改或伪造）"
            : c.Count != c.LastSequence - c.FirstSequence + 1 ? range + "行数不符"
            : c.LastSequence >= row.Sequence ? range + $"的范围与现存记录不符（序号 {row.Sequence} 仍在）"
            : c.PrevHash != previous ? range + "与其前一行哈希不符"
            : null;
        used.Add(c.Id);
        bridged = c;
        expected = c.LastSequence + 1;
        previous = c.LastHash;
        return reason;
    }

    /// <summary>A checkpoint no gap used: its range is not (or no longer) missing from the chain.</summary>
    public AuditCheckpoint? Unused() => checkpoints.OrderBy(c => c.FirstSequence).FirstOrDefault(c => !used.Contains(c.Id));
}
