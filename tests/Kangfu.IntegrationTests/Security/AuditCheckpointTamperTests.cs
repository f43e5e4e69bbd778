using System.Security.Cryptography;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using static Kangfu.IntegrationTests.Security.AuditPurgeKit;

namespace Kangfu.IntegrationTests.Security;

/// <summary>After a purge, checkpoints edited, forged without the key or covering the wrong range make verify-audit fail.</summary>
public abstract class AuditCheckpointTamperTests(KangfuApp app)
{
    [Theory]
    [InlineData("range")]
    [InlineData("hash")]
    [InlineData("forged")]
    [InlineData("mismatched-range")]
    public async Task Edited_forged_or_mismatched_checkpoints_fail_verify(string tampering)
    {
        var district = AuditKit.TestDistrict();
        try
        {
            var seeded = await SeedAsync(app, district);
            await PurgeAsync(app);
            Assert.True((await AuditKit.VerifyAsync(app)).Ok);
            var chain1 = seeded.Where(s => s.Chain == 1).ToDictionary(s => s.Sequence);
            var named = await TamperAsync(district, tampering, chain1);
            var result = await AuditKit.VerifyAsync(app);
            Console.WriteLine($"[figure] {app.Provider} audit checkpoint {tampering}: {result.Describe()}");
            Assert.False(result.Ok);
            Assert.Equal(district, result.District);
            Assert.Equal(1, result.Chain);
            Assert.Equal(named, result.Sequence);
            Assert.Equal(chain1[named].Id, result.Id);
            Assert.Contains(tampering == "mismatched-range" ? "序号 8 至 8 的记录缺失" : "签名无效", result.Reason);
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
        }
    }

    /// <summary>Tampers as someone with SQL access but without the key file would; returns the sequence verify must name.</summary>
    private async Task<long> TamperAsync(string district, string tampering, Dictionary<long, AuditEntry> chain1)
    {
        switch (tampering)
        {
            case "range":
                // Shrink 4-5 to 4-4 (the count too): the signature no longer matches.
                await AuditKit.UnprotectedAsync(app, db => db.Database.ExecuteSqlRawAsync(
                    "UPDATE audit_checkpoints SET last_sequence = 4, count = 1 WHERE district_code = {0} AND chain = 1 AND first_sequence = 4", district));
                return 6;
            case "hash":
                await AuditKit.UnprotectedAsync(app, db => db.Database.ExecuteSqlRawAsync(
                    "UPDATE audit_checkpoints SET last_hash = {1} WHERE district_code = {0} AND chain = 1 AND first_sequence = 4", district, chain1[3].Hash));
                return 6;
            case "forged":
                // Delete row 10 and cover the gap with a checkpoint that is right in every field but signed without the key.
                await AuditKit.UnprotectedAsync(app, db => db.Database.ExecuteSqlRawAsync(
                    "DELETE FROM audit_entries WHERE district_code = {0} AND id = {1}", district, chain1[10].Id));
                await InsertCheckpointAsync(app, Checkpoint(district, 10, 10, chain1[9].Hash, chain1[10].Hash, RandomNumberGenerator.GetBytes(32)));
                return 11;
            default:
                // Delete row 6 and cover 6-7 with a validly signed checkpoint: 7-8 is the real one, so 8 stays uncovered.
                await AuditKit.UnprotectedAsync(app, db => db.Database.ExecuteSqlRawAsync(
                    "DELETE FROM audit_entries WHERE district_code = {0} AND id = {1}", district, chain1[6].Id));
                await InsertCheckpointAsync(app, Checkpoint(district, 6, 7, chain1[5].Hash, chain1[7].Hash, FieldProtection.AuditCheckpointKey));
                return 9;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditCheckpointTamperTestsSqlite(SqliteApp app) : AuditCheckpointTamperTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditCheckpointTamperTestsPostgres(PostgresApp app) : AuditCheckpointTamperTests(app);
