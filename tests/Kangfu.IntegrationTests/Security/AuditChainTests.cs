using System.Data.Common;
using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Audit.VerifyAudit;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>审计：complete, append-only and hash-chained; verify names the first edited, deleted or reordered row.</summary>
public abstract class AuditChainTests(KangfuApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_scripted_sensitive_read_writes_exactly_one_audit_row()
    {
        var (user, _) = await SecurityKit.NewUserAsync(app, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(app);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
        var persons = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            persons.Add((await app.AddPersonAsync(KangfuApp.CommunityA)).Id);
        }
        var scripted = 0;
        foreach (var id in persons)
        {
            (await client.PostAsync($"/api/persons/{id}/reveal", null)).EnsureSuccessStatusCode();
            scripted++;
            (await client.GetAsync($"/api/persons/{id}/intake")).EnsureSuccessStatusCode();
            scripted++;
        }
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/persons/export.xlsx")).EnsureSuccessStatusCode();
            scripted++;
        }
        // Reads that are not sensitive (masked list, masked detail) and denied reads write no sensitive-read row.
        (await client.GetAsync("/api/persons")).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/persons/{persons[0]}")).EnsureSuccessStatusCode();

        var audit = await SecurityKit.AuditOfAsync(app, user);
        var sensitive = audit.Where(a => a.Action is AuditActions.Reveal or AuditActions.Export or AuditActions.Print).ToList();
        output.WriteLine($"FIGURE audit-completeness: {scripted} scripted sensitive reads, {sensitive.Count} audit rows");
        Assert.Equal(scripted, sensitive.Count);
        Assert.All(sensitive, a =>
        {
            Assert.Equal(Roles.CommunityStaff, a.Roles);
            Assert.Equal("120116001016", a.AreaCode);
            Assert.False(string.IsNullOrEmpty(a.Ip));
            Assert.Equal("成功", a.Result);
            Assert.False(string.IsNullOrEmpty(a.EntityType));
        });
        Assert.Contains(audit, a => a.Action == AuditActions.Login);
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_through_the_application_or_with_sql()
    {
        var row = await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var tracked = await db.AuditEntries.SingleAsync(a => a.DistrictCode == row.DistrictCode && a.Id == row.Id);
            tracked.Result = "失败";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.DistrictCode == row.DistrictCode && a.Id == row.Id));
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET result = '失败' WHERE id = {0}", row.Id)));
        await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE id = {0}", row.Id)));
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Concurrent_writers_keep_every_chain_unbroken()
    {
        var district = TestDistrict();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(null, AuditActions.Reveal, "Person", i.ToString(System.Globalization.CultureInfo.InvariantCulture), districtCode: district);
        }));
        var rows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.DistrictCode == district).Select(a => new { a.Chain, a.Sequence }).ToListAsync());
        Assert.Equal(40, rows.Count);
        // Interactive saves never append to chain 0 (the imports'); every chain they used is numbered 1 … n without gaps.
        Assert.All(rows, r => Assert.InRange(r.Chain, 1, AuditChain.Chains - 1));
        foreach (var chain in rows.GroupBy(r => r.Chain))
        {
            Assert.Equal(Enumerable.Range(1, chain.Count()).Select(i => (long)i), chain.Select(r => r.Sequence).Order());
        }
        Assert.True((await VerifyAsync()).Ok);
        await DropDistrictAsync(district);
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("delete")]
    [InlineData("reorder")]
    [InlineData("insert")]
    public async Task Verify_names_the_tampered_row(string tampering)
    {
        var district = TestDistrict();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 1; i <= 10; i++)
            {
                await log.WriteAsync(null, AuditActions.Reveal, "Person", "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "detail", districtCode: district);
            }
        }
        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.DistrictCode == district).OrderBy(a => a.Sequence).ToListAsync());
        Assert.True((await VerifyAsync()).Ok);
        // One writer at a time appends to one chain (the lowest free one).
        var chain = Assert.Single(rows.Select(r => r.Chain).Distinct());
        var victim = rows[4]; // sequence 5
        try
        {
            await Unprotected(async db =>
            {
                switch (tampering)
                {
                    case "edit":
                        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET result = '失败' WHERE district_code = {0} AND id = {1}", district, victim.Id);
                        break;
                    case "delete":
                        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE district_code = {0} AND id = {1}", district, victim.Id);
                        break;
                    case "reorder":
                        // Swap rows 5 and 6 (sequence numbers exchanged, hashes left as they were).
                        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET sequence = -1 WHERE district_code = {0} AND id = {1}", district, victim.Id);
                        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET sequence = 5 WHERE district_code = {0} AND id = {1}", district, rows[5].Id);
                        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET sequence = 6 WHERE district_code = {0} AND id = {1}", district, victim.Id);
                        break;
                    case "insert":
                        // A forged row with a recomputed own hash cannot be slotted in without breaking the next link.
                        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET sequence = sequence + 100 WHERE district_code = {0} AND sequence >= 5", district);
                        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET sequence = sequence - 99 WHERE district_code = {0} AND sequence >= 105", district);
                        var forged = AuditLog.For(null, victim.At, AuditActions.Reveal, "Person", "forged", null, districtCode: district);
                        AuditChain.Link([forged], 4, rows[3].Hash, chain);
                        await db.Database.ExecuteSqlRawAsync(
                            "INSERT INTO audit_entries (district_code, id, chain, sequence, prev_hash, hash, at, action, entity_type, entity_id, result) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10})",
                            district, forged.Id, forged.Chain, forged.Sequence, forged.PrevHash, forged.Hash, forged.At, forged.Action, forged.EntityType, forged.EntityId!, forged.Result);
                        break;
                }
            });
            var result = await VerifyAsync();
            output.WriteLine($"FIGURE tamper-{tampering}: {result.Describe()}");
            Assert.False(result.Ok);
            Assert.Equal(district, result.District);
            Assert.Equal(chain, result.Chain);
            var (expectedSequence, expectedId) = tampering switch
            {
                "edit" => (5L, victim.Id),
                "delete" => (6L, rows[5].Id),
                "reorder" => (5L, rows[5].Id),
                _ => (6L, rows[4].Id),
            };
            Assert.Equal(expectedSequence, result.Sequence);
            Assert.Equal(expectedId, result.Id);
        }
        finally
        {
            await DropDistrictAsync(district);
        }
        Assert.True((await VerifyAsync()).Ok);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().HandleAsync();
    }

    /// <summary>A throwaway district for chains the test tampers with (the demo district's chain stays intact).</summary>
    private static string TestDistrict() => "9" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs SQL as the database owner would: with the append-only triggers dropped, restored afterwards.</summary>
    private Task<int> Unprotected(Func<KangfuDbContext, Task> action) => AuditKit.UnprotectedAsync(app, action);

    private Task<int> DropDistrictAsync(string district) => AuditKit.DropDistrictAsync(app, district);
}

[Collection(SqliteCollection.Name)]
public sealed class AuditChainTestsSqlite(SqliteApp app, ITestOutputHelper output) : AuditChainTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class AuditChainTestsPostgres(PostgresApp app, ITestOutputHelper output) : AuditChainTests(app, output);
