using System.Diagnostics;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.FollowUps;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.Import;
using Kangfu.Web.Modules.ServiceRecords;
using Kangfu.Web.Modules.Subsidies;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kangfu.Bench;

/// <summary>Times one import through the same actions the API calls: StartImport → validation job → ConfirmImport → commit job.</summary>
internal sealed class ImportRunner(WebApplication app, DatabaseProvider provider) : IAsyncDisposable
{
    private static readonly UserContext Admin = new("bench-admin", "bench", "基准测试", DemoDistrict.DistrictCode, null, null, [Roles.DistrictAdmin], "127.0.0.1");

    public DatabaseProvider Provider { get; } = provider;

    public static async Task<ImportRunner> CreateAsync(DatabaseProvider provider, string connectionString, string importFolder)
    {
        // Field encryption as in production, with a throw-away key ring; KANGFU_BENCH_CIPHER=Sm4 measures SM4-GCM.
        var cipher = Enum.Parse<Kangfu.Web.Platform.Privacy.FieldCipherAlgorithm>(Environment.GetEnvironmentVariable("KANGFU_BENCH_CIPHER") ?? "AesGcm");
        Kangfu.Web.Platform.Privacy.FieldProtection.Configure(Kangfu.Web.Platform.Privacy.FieldKeyRing.Generate(), cipher);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.Configuration["Registry:ImportFolder"] = importFolder;
        builder.Configuration["Registry:ImportMaxFileBytes"] = "4000000000"; // a 1,000,000-row CSV is about 190 MB
        builder.Services.AddKangfuPlatform().AddKangfuData(builder.Configuration).AddAudit().AddAccess().AddOrganization()
            .AddRegistry(builder.Configuration).AddCatalog().AddSurveys().AddReferrals().AddFollowUps().AddSubsidies().AddServiceRecords();
        var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = scope.ServiceProvider.GetRequiredService<KangfuDbFactory>().CreateDbContext())
        {
            await DataSetup.MigrateAsync(db);
        }
        await scope.ServiceProvider.GetRequiredService<DemoDistrict>().EnsureAsync(persons: 0);
        return new ImportRunner(app, provider);
    }

    public async Task<(List<string> Communities, Dictionary<string, string> Names)> AreasAsync()
    {
        await using var db = CreateDb(out var scope);
        await using var _ = scope;
        var areas = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == DemoDistrict.DistrictCode).ToListAsync();
        return (areas.Where(a => a.Level == 5).Select(a => a.Code).Order().ToList(), areas.ToDictionary(a => a.Code, a => a.Name));
    }

    /// <summary>Empties the registry (outside the timing) so every run inserts all rows.</summary>
    public async Task ResetAsync()
    {
        await using var db = CreateDb(out var scope);
        await using var _ = scope;
        // The audit table is append-only (triggers); the bench database is throw-away, so the guard is lifted for the reset and restored.
        await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.Postgres
            ? "DROP TRIGGER IF EXISTS audit_entries_no_update ON audit_entries; TRUNCATE registry_person_events, registry_persons, audit_entries, registry_import_batches CASCADE;"
            : "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete; "
              + "DELETE FROM registry_person_events; DELETE FROM registry_persons; DELETE FROM audit_entries; DELETE FROM registry_import_batches;");
        await AuditChain.ProtectAsync(db);
        if (Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE registry_persons, registry_person_events, audit_entries");
        }
    }

    /// <summary>Validate + confirm of one file; returns (validate, commit) durations and the final status.</summary>
    public async Task<(TimeSpan Validate, TimeSpan Commit, ImportStatusView Status)> ImportAsync(string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ResidentSet.ResetPeak();
        var before = ResidentSet.Current();
        var result = await ImportCoreAsync(path);
        LastMemory = (before, ResidentSet.Peak());
        return result;
    }

    /// <summary>Resident set of this process before the last import and its peak during it (bytes; 0 where /proc is missing).</summary>
    public (long Before, long Peak) LastMemory { get; private set; }

    private async Task<(TimeSpan Validate, TimeSpan Commit, ImportStatusView Status)> ImportCoreAsync(string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var jobs = services.GetRequiredService<ImportJobs>();
        var watch = Stopwatch.StartNew();
        await using (var file = File.OpenRead(path))
        {
            var started = await services.GetRequiredService<StartImport>().HandleAsync(Admin, file, Path.GetFileName(path));
            await jobs.Find(started.BatchId)!.Completion;
            var validate = watch.Elapsed;
            await services.GetRequiredService<ConfirmImport>().HandleAsync(Admin, started.BatchId);
            await jobs.Find(started.BatchId)!.Completion;
            var status = await services.GetRequiredService<ImportStatusQuery>().HandleAsync(Admin, started.BatchId);
            return (validate, watch.Elapsed - validate, status);
        }
    }

    public async Task<int> CountPersonsAsync()
    {
        await using var db = CreateDb(out var scope);
        await using var _ = scope;
        return await db.Persons.CountAsync();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private KangfuDbContext CreateDb(out AsyncServiceScope scope)
    {
        scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<KangfuDbFactory>().CreateDbContext();
    }
}

/// <summary>The process's resident set from /proc (Linux): current, and the peak since the last reset (VmHWM, reset via clear_refs).</summary>
internal static class ResidentSet
{
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static long Current() => Read("VmRSS:");

    public static long Peak() => Read("VmHWM:");

    private static long Read(string key)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
