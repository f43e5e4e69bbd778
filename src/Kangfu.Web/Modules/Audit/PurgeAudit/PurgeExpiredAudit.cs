using System.Globalization;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Audit.PurgeAudit;

/// <summary>What a purge removed (or, for a dry run, would remove) and where the removed rows were archived.</summary>
public sealed record PurgeAuditResult(bool DryRun, IReadOnlyList<PurgeRun> Runs, string? ArchiveFile)
{
    public long Removed => Runs.Sum(r => r.Count);

    public long Sensitive => Runs.Sum(r => r.Sensitive);

    public long Ordinary => Removed - Sensitive;
}

/// <summary>
/// Removes audit rows past their retention (<see cref="AuditRetention"/>, <see cref="AuditPurgePlan"/>) in ONE transaction:
/// the plan is read under the writers' lock, the removed rows are optionally archived, one <c>audit-purged</c> row per
/// district is appended (before the table is unguarded, so the purge takes its chain lock like any writer), the DELETE guard
/// is lifted, the runs are deleted, a signed <see cref="AuditCheckpoint"/> per run is written, the guard is restored, and
/// only then the transaction commits. Any failure rolls all of it back (and deletes the archive file).
/// </summary>
public sealed class PurgeExpiredAudit(KangfuDbFactory dbFactory, TimeProvider clock, IOptions<SecurityOptions> options, AuditLog audit)
{
    /// <summary>Two purges (two instances' daily runs) never interleave: the second plans after the first has committed.</summary>
    private static readonly long PurgeLockKey = AuditChainAppend.Key("purge-audit", -1);

    public async Task<PurgeAuditResult> HandleAsync(bool dryRun, string? archiveDirectory, string trigger, CancellationToken ct = default)
    {
        var now = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime);
        var retention = options.Value;
        await using var db = dbFactory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PurgeLockKey})", ct);
        }
        var cutoff = AuditRetention.CandidateCutoff(now, retention);
        var runs = await PlanAsync(db, now, cutoff, retention, ct);
        if (dryRun || runs.Count == 0)
        {
            return new PurgeAuditResult(dryRun, runs, null);
        }
        var archive = archiveDirectory is null ? null : await AuditArchive.WriteAsync(db, runs, archiveDirectory, now, cutoff, ct);
        try
        {
            foreach (var district in runs.GroupBy(r => r.DistrictCode))
            {
                db.AuditEntries.Add(audit.Create(null, AuditActions.AuditPurged, nameof(AuditEntry), null,
                    Detail(district.ToList(), retention, trigger, archive?.Path), districtCode: district.Key));
            }
            await db.SaveChangesAsync(ct);
            await AuditChain.AllowPurgeAsync(db, allow: true, ct);
            await DeleteAsync(db, runs, ct);
            db.AuditCheckpoints.AddRange(runs.Select(r => Checkpoint(r, now)));
            await db.SaveChangesAsync(ct);
            await AuditChain.AllowPurgeAsync(db, allow: false, ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            archive?.Discard();
            throw;
        }
        archive?.Complete();
        return new PurgeAuditResult(false, runs, archive?.Path);
    }

    private static async Task<List<PurgeRun>> PlanAsync(KangfuDbContext db, DateTime now, DateTime cutoff, SecurityOptions retention, CancellationToken ct)
    {
        var heads = (await db.AuditEntries.GroupBy(a => new { a.DistrictCode, a.Chain })
                .Select(g => new { g.Key.DistrictCode, g.Key.Chain, Head = g.Max(a => a.Sequence) }).ToListAsync(ct))
            .ToDictionary(h => (h.DistrictCode, h.Chain), h => h.Head);
        var plan = new AuditPurgePlan(heads, now, retention);
        await foreach (var row in db.AuditEntries.AsNoTracking().Where(a => a.At < cutoff)
            .OrderBy(a => a.DistrictCode).ThenBy(a => a.Chain).ThenBy(a => a.Sequence)
            .Select(a => new PurgeCandidate(a.DistrictCode, a.Chain, a.Sequence, a.At, a.Action, a.PrevHash, a.Hash))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            plan.Add(row);
        }
        return plan.Runs.ToList();
    }

    private static async Task DeleteAsync(KangfuDbContext db, IReadOnlyList<PurgeRun> runs, CancellationToken ct)
    {
        long deleted = 0;
        foreach (var run in runs)
        {
            deleted += await db.AuditEntries
                .Where(a => a.DistrictCode == run.DistrictCode && a.Chain == run.Chain && a.Sequence >= run.First && a.Sequence <= run.Last)
                .ExecuteDeleteAsync(ct);
        }
        var planned = runs.Sum(r => r.Count);
        if (deleted != planned)
        {
            throw new InvalidOperationException($"审计日志清理中止：计划删除 {planned} 行，实际 {deleted} 行；已全部回滚，未删除任何记录。");
        }
    }

    private static AuditCheckpoint Checkpoint(PurgeRun run, DateTime now)
    {
        var checkpoint = new AuditCheckpoint
        {
            DistrictCode = run.DistrictCode,
            Id = Guid.CreateVersion7(),
            Chain = run.Chain,
            FirstSequence = run.First,
            LastSequence = run.Last,
            Count = run.Count,
            PrevHash = run.PrevHash,
            LastHash = run.LastHash,
            PurgedAt = now,
        };
        checkpoint.Signature = AuditCheckpointSignature.Compute(checkpoint, FieldProtection.AuditCheckpointKey);
        return checkpoint;
    }

    private static string Detail(List<PurgeRun> runs, SecurityOptions retention, string trigger, string? archive)
    {
        var removed = string.Create(CultureInfo.InvariantCulture,
            $"删除 {runs.Sum(r => r.Count)} 行（普通记录 {runs.Sum(r => r.Ordinary)} 行，超过 {retention.AuditRetentionDays} 天；敏感访问记录 {runs.Sum(r => r.Sensitive)} 行，超过 {retention.SensitiveAuditRetentionDays} 天）");
        var checkpoints = string.Create(CultureInfo.InvariantCulture, $"{runs.Count} 个签名检查点，涉及 {runs.Select(r => r.Chain).Distinct().Count()} 条链");
        return $"清理过期审计日志（{trigger}）：{removed}，{checkpoints}" + (archive is null ? "" : "；归档文件 " + System.IO.Path.GetFileName(archive));
    }
}
