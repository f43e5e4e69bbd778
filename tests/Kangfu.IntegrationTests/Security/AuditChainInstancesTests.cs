using System.Diagnostics;
using System.Globalization;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Security;

/// <summary>
/// Two app instances on one database: two hosts, each with its own service provider and so its own in-process chain locks
/// (<see cref="AuditChainLocks"/> is a singleton per host), append to the same district's chains at the same time. Only the
/// database-side lock (PostgreSQL advisory lock, SQLite BEGIN IMMEDIATE) keeps them from reading the same chain head.
/// </summary>
public abstract class AuditChainInstancesTests(KangfuApp app)
{
    [Fact]
    public async Task Two_app_instances_writing_one_district_keep_every_chain_unbroken()
    {
        var district = AuditKit.TestDistrict();
        await using var first = app.WithWebHostBuilder(_ => { });
        await using var second = app.WithWebHostBuilder(_ => { });
        Assert.NotSame(first.Services.GetRequiredService<AuditChainLocks>(), second.Services.GetRequiredService<AuditChainLocks>());
        var errors = new List<string>();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            {
                var host = i % 2 == 0 ? first : second;
                try
                {
                    await using var scope = host.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(null, AuditActions.Reveal, "Person",
                        i.ToString(CultureInfo.InvariantCulture), districtCode: district);
                }
                catch (Exception e)
                {
                    lock (errors)
                    {
                        errors.Add(e.GetType().Name + ": " + e.Message);
                    }
                }
            })));
            stopwatch.Stop();
            var rows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.DistrictCode == district).Select(a => new { a.Chain, a.Sequence }).ToListAsync());
            var chains = rows.GroupBy(r => r.Chain).OrderBy(c => c.Key).ToList();
            var gapFree = chains.Count(c => c.Select(r => r.Sequence).Order().SequenceEqual(Enumerable.Range(1, c.Count()).Select(n => (long)n)));
            var verification = await AuditKit.VerifyAsync(app);
            Console.WriteLine($"[figure] {app.Provider} two app instances: 40 concurrent audited saves (20 per instance) to one district in " +
                $"{stopwatch.ElapsedMilliseconds} ms → {errors.Count} errors, {rows.Count} rows on {chains.Count} chains " +
                $"({string.Join(", ", chains.Select(c => $"chain {c.Key}: {c.Count()}"))}), {gapFree} of {chains.Count} gap-free; verify: {verification.Describe()}");
            Assert.Empty(errors);
            Assert.Equal(40, rows.Count);
            Assert.Equal(chains.Count, gapFree);
            Assert.True(verification.Ok, verification.Describe());
        }
        finally
        {
            await AuditKit.DropDistrictAsync(app, district);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditChainInstancesTestsSqlite(SqliteApp app) : AuditChainInstancesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditChainInstancesTestsPostgres(PostgresApp app) : AuditChainInstancesTests(app);
