using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Audit.PurgeAudit;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using static Kangfu.IntegrationTests.Security.AuditPurgeKit;

namespace Kangfu.IntegrationTests.Security;

/// <summary>
/// 审计保存期限: purge-audit removes rows past their retention, from the middle of a chain too, and leaves a signed
/// checkpoint per removed run; verify-audit accepts exactly those gaps.
/// </summary>
public abstract class AuditPurgeTests(KangfuApp app)
{
    [Fact]
    public async Task Purge_removes_expired_rows_keeps_newer_and_sensitive_ones_and_verify_accepts_the_signed_gaps()
    {
        var district = AuditKit.TestDistrict();
        try
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var seeded = await SeedAsync(app, district);
            var result = await PurgeAsync(app);
            var mine = result.Runs.Where(r => r.DistrictCode == district).ToList();
            var rows = await RowsAsync(app, district);
            var kept = rows.Where(r => r.Action != AuditActions.AuditPurged).ToList();
            var checkpoints = await CheckpointsAsync(app, district);
            var verification = await AuditKit.VerifyAsync(app);
            Console.WriteLine($"[figure] {app.Provider} audit purge: {seeded.Count} rows in 2 chains → {mine.Sum(r => r.Count)} removed " +
                $"({mine.Sum(r => r.Ordinary)} ordinary > 180 d, {mine.Sum(r => r.Sensitive)} sensitive > 1096 d), {kept.Count} kept " +
                $"({kept.Count(r => AuditRetention.IsSensitive(r.Action) && r.At < now.AddDays(-180))} sensitive older than 180 d within 3 years, 2 chain heads), " +
                $"{checkpoints.Count} checkpoints (chain 1: {Ranges(checkpoints, 1)}; chain 2: {Ranges(checkpoints, 2)}); verify: {verification.Describe()}");

            Assert.Equal(8, mine.Sum(r => r.Count));
            Assert.Equal(7, mine.Sum(r => r.Ordinary));
            Assert.Equal(RemovedFromChain1, seeded.Where(s => s.Chain == 1 && !kept.Any(k => k.Id == s.Id)).Select(s => s.Sequence));
            Assert.Equal(RemovedFromChain2, seeded.Where(s => s.Chain == 2 && !kept.Any(k => k.Id == s.Id)).Select(s => s.Sequence));
            Assert.Equal(7, kept.Count);
            Assert.Equal("1-2,4-5,7-8", Ranges(checkpoints, 1));
            Assert.Equal("1-2", Ranges(checkpoints, 2));
            Assert.All(checkpoints, c =>
            {
                Assert.Equal(seeded.Single(s => s.Chain == c.Chain && s.Sequence == c.LastSequence).Hash, c.LastHash);
                Assert.Equal(seeded.Single(s => s.Chain == c.Chain && s.Sequence == c.FirstSequence).PrevHash, c.PrevHash);
                Assert.Equal(c.LastSequence - c.FirstSequence + 1, c.Count);
                Assert.True(AuditCheckpointSignature.IsValid(c, FieldProtection.AuditCheckpointKey));
            });
            Assert.True(verification.Ok, verification.Describe());

            var purged = Assert.Single(rows, r => r.Action == AuditActions.AuditPurged);
            Assert.Contains("删除 8 行（普通记录 7 行，超过 180 天；敏感访问记录 1 行，超过 1096 天），4 个签名检查点", purged.Changes);
            var again = await PurgeAsync(app);
            Assert.DoesNotContain(again.Runs, r => r.DistrictCode == district);
            Console.WriteLine($"[figure] {app.Provider} audit purge audited: 1 audit-purged row in district {district} (「{purged.Changes}」); a second purge removes 0 rows there");
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
        }
    }

    [Fact]
    public async Task Dry_run_lists_what_would_go_and_removes_nothing()
    {
        var district = AuditKit.TestDistrict();
        try
        {
            var seeded = await SeedAsync(app, district);
            var result = await PurgeAsync(app, dryRun: true);
            var mine = result.Runs.Where(r => r.DistrictCode == district).ToList();
            var rows = await RowsAsync(app, district);
            var checkpoints = await CheckpointsAsync(app, district);
            Console.WriteLine($"[figure] {app.Provider} audit purge dry run: would remove {mine.Sum(r => r.Count)} rows in {mine.Count} runs; " +
                $"rows after {rows.Count} of {seeded.Count}, checkpoints {checkpoints.Count}");
            Assert.Equal(8, mine.Sum(r => r.Count));
            Assert.Equal(4, mine.Count);
            Assert.Equal(seeded.Select(s => s.Id).Order(), rows.Select(r => r.Id).Order());
            Assert.Empty(checkpoints);
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
        }
    }

    [Fact]
    public async Task Archive_file_holds_exactly_the_removed_rows_in_full()
    {
        var district = AuditKit.TestDistrict();
        var folder = Path.Combine(Path.GetTempPath(), "kangfu-archive-" + Guid.NewGuid().ToString("N"));
        try
        {
            var seeded = await SeedAsync(app, district);
            var result = await PurgeAsync(app, archive: folder);
            var after = (await RowsAsync(app, district)).Select(r => r.Id).ToHashSet();
            var removed = seeded.Where(s => !after.Contains(s.Id)).ToList();
            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal(result.ArchiveFile, file);
            var archived = File.ReadAllLines(file).Select(l => JsonSerializer.Deserialize<AuditEntry>(l)!).Where(a => a.DistrictCode == district).ToList();
            Console.WriteLine($"[figure] {app.Provider} audit purge archive: {Path.GetFileName(file)} holds {archived.Count} rows of the district, " +
                $"{removed.Count} were removed, {archived.Count(a => AuditChain.ComputeHash(a) == a.Hash)} hashes recompute from the archived rows");
            Assert.Equal(removed.Select(r => r.Id).Order(), archived.Select(a => a.Id).Order());
            Assert.All(archived, a => Assert.Equal(a.Hash, AuditChain.ComputeHash(a)));
            Assert.Equal(result.Removed, File.ReadAllLines(file).Length);
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Deleting_one_more_row_after_a_purge_is_named_by_verify()
    {
        var district = AuditKit.TestDistrict();
        try
        {
            var seeded = await SeedAsync(app, district);
            await PurgeAsync(app);
            var victim = seeded.Single(s => s.Chain == 1 && s.Sequence == 6);
            await AuditKit.UnprotectedAsync(app, db => db.Database.ExecuteSqlRawAsync(
                "DELETE FROM audit_entries WHERE district_code = {0} AND id = {1}", district, victim.Id));
            var result = await AuditKit.VerifyAsync(app);
            Console.WriteLine($"[figure] {app.Provider} audit purge then delete sequence 6: {result.Describe()}");
            Assert.False(result.Ok);
            Assert.Equal(district, result.District);
            Assert.Equal(1, result.Chain);
            Assert.Equal(9, result.Sequence);
            Assert.Equal(seeded.Single(s => s.Chain == 1 && s.Sequence == 9).Id, result.Id);
            Assert.Contains("序号 6 至 8 的记录缺失", result.Reason);
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
        }
        Assert.True((await AuditKit.VerifyAsync(app)).Ok);
    }

    [Fact]
    public async Task A_purge_that_fails_midway_removes_nothing_and_leaves_the_table_guarded()
    {
        var district = AuditKit.TestDistrict();
        var folder = Path.Combine(Path.GetTempPath(), "kangfu-archive-" + Guid.NewGuid().ToString("N"));
        try
        {
            var seeded = await SeedAsync(app, district);
            // A checkpoint already at chain 1, sequence 7: the purge's own checkpoint for 7-8 collides with it (unique key)
            // after the rows are deleted, i.e. in the middle of the purge.
            await InsertCheckpointAsync(app, Checkpoint(district, 7, 7, "x", "y", RandomNumberGenerator.GetBytes(32)));
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => PurgeAsync(app, archive: folder));
            var rows = await RowsAsync(app, district);
            var checkpoints = await CheckpointsAsync(app, district);
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
            await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
                db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE district_code = {0}", district)));
            Console.WriteLine($"[figure] {app.Provider} audit purge failing midway ({failure.GetType().Name}): rows {rows.Count} of {seeded.Count} kept, " +
                $"checkpoints {checkpoints.Count} (the colliding one only), audit-purged rows {rows.Count(r => r.Action == AuditActions.AuditPurged)}, " +
                $"archive files {files}, SQL DELETE afterwards refused");
            Assert.Equal(seeded.Select(s => s.Id).Order(), rows.Select(r => r.Id).Order());
            Assert.Single(checkpoints);
            Assert.Equal(0, files);
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Adjacent_checkpoints_of_two_purges_verify_one_after_the_other()
    {
        var district = AuditKit.TestDistrict();
        await using var longer = app.WithWebHostBuilder(b => b.UseSetting("Security:AuditRetentionDays", "195"));
        try
        {
            var seeded = await SeedAsync(app, district);
            await PurgeAsync(longer);
            var first = Ranges(await CheckpointsAsync(app, district), 1);
            await PurgeAsync(app);
            var checkpoints = await CheckpointsAsync(app, district);
            var verification = await AuditKit.VerifyAsync(app);
            Console.WriteLine($"[figure] {app.Provider} two purges (195 d, then 180 d): chain 1 checkpoints {first} → {Ranges(checkpoints, 1)}; verify: {verification.Describe()}");
            Assert.Equal("1-2,4-5,7", first);
            Assert.Equal("1-2,4-5,7,8", Ranges(checkpoints, 1));
            var eight = checkpoints.Single(c => c.Chain == 1 && c.FirstSequence == 8);
            Assert.Equal(checkpoints.Single(c => c.Chain == 1 && c.FirstSequence == 7).LastHash, eight.PrevHash);
            Assert.True(verification.Ok, verification.Describe());
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditPurgeTestsSqlite(SqliteApp app) : AuditPurgeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditPurgeTestsPostgres(PostgresApp app) : AuditPurgeTests(app);
