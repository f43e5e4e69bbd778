using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// Links audit rows written before the hash chain existed (numbered by the SecurityAuth migration, hash still empty)
/// into their districts' chains. Runs after migrating and before the append-only triggers are (re)created; a no-op
/// once every row is hashed.
/// </summary>
public static class AuditChainBackfill
{
    public static async Task<int> RunAsync(KangfuDbContext db, CancellationToken ct = default)
    {
        var pending = await db.AuditEntries.AsNoTracking().Where(a => a.Hash == "")
            .OrderBy(a => a.DistrictCode).ThenBy(a => a.Chain).ThenBy(a => a.Sequence).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var district in pending.GroupBy(a => (a.DistrictCode, a.Chain)))
        {
            var first = district.First().Sequence;
            var prev = await db.AuditEntries.AsNoTracking()
                .Where(a => a.DistrictCode == district.Key.DistrictCode && a.Chain == district.Key.Chain && a.Sequence < first)
                .OrderByDescending(a => a.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
            foreach (var entry in district)
            {
                entry.PrevHash = prev;
                entry.Hash = AuditChain.ComputeHash(entry);
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE audit_entries SET prev_hash = {entry.PrevHash}, hash = {entry.Hash} WHERE district_code = {entry.DistrictCode} AND chain = {entry.Chain} AND sequence = {entry.Sequence}", ct);
                prev = entry.Hash;
            }
        }
        await tx.CommitAsync(ct);
        return pending.Count;
    }
}
