using System.Globalization;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Audit.PurgeAudit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Security;

/// <summary>Chains of a throwaway district with rows of chosen ages and actions, written straight into the table (already linked).</summary>
internal static class AuditPurgeKit
{
    /// <summary>
    /// Chain 1: ordinary and sensitive rows from 1,200 days ago to yesterday. With the defaults (180 / 1,096 days) sequences
    /// 1, 2, 4, 5, 7, 8 go (2 is a reveal older than 1,096 days), 3 and 6 (sensitive within 3 years) and 9 … 12 (newer, the
    /// last is the head) stay. Chain 2: three old logins; 1 and 2 go, 3 stays as the chain's head.
    /// </summary>
    public static readonly (int Chain, int DaysAgo, string Action)[] Script =
    [
        (1, 1200, AuditActions.Login), (1, 1150, AuditActions.Reveal), (1, 1000, AuditActions.Export), (1, 900, AuditActions.Login),
        (1, 400, AuditActions.Update), (1, 300, AuditActions.Reveal), (1, 200, AuditActions.Login), (1, 190, AuditActions.Logout),
        (1, 100, AuditActions.Login), (1, 50, AuditActions.Print), (1, 10, AuditActions.Reveal), (1, 1, AuditActions.Login),
        (2, 500, AuditActions.Login), (2, 400, AuditActions.Update), (2, 300, AuditActions.Login),
    ];

    public static readonly long[] RemovedFromChain1 = [1, 2, 4, 5, 7, 8];
    public static readonly long[] RemovedFromChain2 = [1, 2];

    public static async Task<List<AuditEntry>> SeedAsync(KangfuApp app, string district)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var rows = new List<AuditEntry>();
        foreach (var chain in Script.Select((s, i) => (s, i)).GroupBy(x => x.s.Chain))
        {
            var entries = chain.Select(x => AuditLog.For(null, now.AddDays(-x.s.DaysAgo).AddMinutes(-x.i), x.s.Action, "Person",
                "p" + x.i.ToString(CultureInfo.InvariantCulture), "seeded", districtCode: district)).ToList();
            AuditChain.Link(entries, 0, AuditChain.Genesis, chain.Key);
            rows.AddRange(entries);
        }
        await app.WithDbAsync(async db =>
        {
            foreach (var e in rows)
            {
                await InsertAsync(db, e);
            }
            return 0;
        });
        return rows;
    }

    public static Task<int> InsertAsync(Kangfu.Web.Platform.Data.KangfuDbContext db, AuditEntry e) => db.Database.ExecuteSqlRawAsync(
        "INSERT INTO audit_entries (district_code, id, chain, sequence, prev_hash, hash, at, action, entity_type, entity_id, changes, result) " +
        "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})",
        e.DistrictCode, e.Id, e.Chain, e.Sequence, e.PrevHash, e.Hash, e.At, e.Action, e.EntityType, e.EntityId!, e.Changes!, e.Result);

    public static async Task<PurgeAuditResult> PurgeAsync(WebApplicationFactory<Program> app, bool dryRun = false, string? archive = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PurgeExpiredAudit>().HandleAsync(dryRun, archive, "测试");
    }

    public static Task<List<AuditEntry>> RowsAsync(KangfuApp app, string district) => app.WithDbAsync(db =>
        db.AuditEntries.AsNoTracking().Where(a => a.DistrictCode == district).OrderBy(a => a.Chain).ThenBy(a => a.Sequence).ToListAsync());

    public static Task<List<AuditCheckpoint>> CheckpointsAsync(KangfuApp app, string district) => app.WithDbAsync(db =>
        db.AuditCheckpoints.AsNoTracking().Where(c => c.DistrictCode == district).OrderBy(c => c.Chain).ThenBy(c => c.FirstSequence).ToListAsync());

    /// <summary>A checkpoint of chain 1 signed with <paramref name="key"/> (the real key, or another one for a forgery).</summary>
    public static AuditCheckpoint Checkpoint(string district, long first, long last, string prev, string lastHash, byte[] key)
    {
        var c = new AuditCheckpoint
        {
            DistrictCode = district,
            Id = Guid.CreateVersion7(),
            Chain = 1,
            FirstSequence = first,
            LastSequence = last,
            Count = last - first + 1,
            PrevHash = prev,
            LastHash = lastHash,
            PurgedAt = AuditChain.Truncate(TimeProvider.System.GetUtcNow().UtcDateTime),
        };
        c.Signature = AuditCheckpointSignature.Compute(c, key);
        return c;
    }

    public static Task<int> InsertCheckpointAsync(KangfuApp app, AuditCheckpoint c) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
        "INSERT INTO audit_checkpoints (district_code, id, chain, first_sequence, last_sequence, count, prev_hash, last_hash, purged_at, signature) " +
        "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})",
        c.DistrictCode, c.Id, c.Chain, c.FirstSequence, c.LastSequence, c.Count, c.PrevHash, c.LastHash, c.PurgedAt, c.Signature));

    /// <summary>"1-2,4-5" for the runs of one chain.</summary>
    public static string Ranges(IEnumerable<AuditCheckpoint> checkpoints, int chain) => string.Join(',', checkpoints.Where(c => c.Chain == chain)
        .Select(c => c.FirstSequence == c.LastSequence ? c.FirstSequence.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{c.FirstSequence}-{c.LastSequence}")));
}
