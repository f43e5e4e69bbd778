using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Audit.VerifyAudit;

/// <summary>The outcome of a chain check: OK, or the first broken row (district, sequence, id) and why.</summary>
public sealed record AuditVerification(bool Ok, long Rows, int Districts, string? District = null, long? Sequence = null, Guid? Id = null, string? Reason = null,
    int? Chain = null)
{
    public string Describe() => Ok
        ? $"OK：{Districts} 个区县的审计链完整，共 {Rows} 行。"
        : $"审计链损坏：区县 {District}，第 {Chain} 链，序号 {Sequence}，记录 {Id}：{Reason}";
}

/// <summary>
/// Walks every chain of every district in sequence order and recomputes each row's hash: an edited row (hash mismatch),
/// a deleted row (gap in the sequence, or a previous-hash that does not match) and reordered rows (sequence changed,
/// so the hash no longer matches) are all named by the first row where the chain breaks.
/// </summary>
public sealed class VerifyAuditChain(KangfuDbFactory dbFactory)
{
    public async Task<AuditVerification> HandleAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var chains = await db.AuditEntries.AsNoTracking().Select(a => new { a.DistrictCode, a.Chain }).Distinct()
            .OrderBy(c => c.DistrictCode).ThenBy(c => c.Chain).ToListAsync(ct);
        var districts = chains.Select(c => c.DistrictCode).Distinct().ToList();
        long rows = 0;
        foreach (var (district, chain) in chains.Select(c => (c.DistrictCode, c.Chain)))
        {
            long expected = 1;
            var previous = AuditChain.Genesis;
            await foreach (var row in db.AuditEntries.AsNoTracking().Where(a => a.DistrictCode == district && a.Chain == chain)
                .OrderBy(a => a.Sequence).ThenBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                rows++;
                var reason = row.Sequence != expected
                    ? (row.Sequence > expected ? $"序号 {expected} 至 {row.Sequence - 1} 的记录缺失（被删除）" : "序号重复（记录被复制或重排）")
                    : row.PrevHash != previous ? "前一行哈希不符（前一行被删除、替换或重排）"
                    : AuditChain.ComputeHash(row) != row.Hash ? "内容哈希不符（记录被修改）"
                    : null;
                if (reason is not null)
                {
                    return new AuditVerification(false, rows, districts.Count, district, row.Sequence, row.Id, reason, chain);
                }
                expected++;
                previous = row.Hash;
            }
        }
        return new AuditVerification(true, rows, districts.Count);
    }
}
