using Kangfu.Web.Platform.Data;
using Npgsql;
using static Kangfu.Bench.Measure;

namespace Kangfu.Bench;

/// <summary>
/// Registry import (issue item 1): a registry file (.xlsx and .csv) imported through the API's own actions (validate + confirm)
/// into a fresh SQLite file and a fresh PostgreSQL database; anchors: <c>sqlite3 .import</c> and <c>psql \copy</c> of the same CSV.
/// </summary>
internal sealed class ImportBenchmark(BenchOptions options) : IBenchmark
{
    public string Suite => "import";

    public async Task RunAsync(ResultTable results)
    {
        var rows = options.RowsOr(2_000, 20_000);
        var runs = options.RunsOr(3, 5);
        var goalSeconds = rows / 2_000.0; // ≥ 2,000 rows/s end to end (validate + confirm)
        var folder = Directory.CreateDirectory(Path.Combine(options.Folder, "import")).FullName;
        var pgDatabase = "kangfu_bench_" + Guid.NewGuid().ToString("N")[..8];
        var pgConnection = new NpgsqlConnectionStringBuilder(options.AdminConnection) { Database = pgDatabase }.ConnectionString;
        Console.WriteLine(Invariant($"# import: {rows:N0} rows, {runs} measured runs + 1 warm-up"));
        try
        {
            await PgAdmin.ExecuteAsync(options.AdminConnection, $"CREATE DATABASE \"{pgDatabase}\" ENCODING 'UTF8' TEMPLATE template0");
            await using var sqlite = await ImportRunner.CreateAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "subject.db")}", Path.Combine(folder, "imports"));
            var (communities, names) = await sqlite.AreasAsync();
            var data = BenchData.Create(folder, communities, names, rows, xlsx: true);
            Console.WriteLine(Invariant($"# files: {data.XlsxPath} ({new FileInfo(data.XlsxPath!).Length / 1024:N0} KB), {data.CsvPath} ({new FileInfo(data.CsvPath).Length / 1024:N0} KB)"));
            var anchorDb = Path.Combine(folder, "anchor.db");
            await MeasureAsync(results, "sqlite", sqlite, data, runs, goalSeconds,
                () => Anchors.SqliteImportAsync(anchorDb, data.CsvPath, data.Columns), () => Anchors.CountAsync("sqlite3", anchorDb));
            await using var pg = await ImportRunner.CreateAsync(DatabaseProvider.Postgres, pgConnection, Path.Combine(folder, "imports"));
            await MeasureAsync(results, "postgres", pg, data, runs, goalSeconds,
                () => Anchors.PostgresCopyAsync(pgConnection, data.CsvPath, data.Columns), () => Anchors.CountAsync("psql", pgConnection));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PgAdmin.ExecuteAsync(options.AdminConnection, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
        }
    }

    private static async Task MeasureAsync(ResultTable results, string database, ImportRunner subject, BenchData data, int runs, double goalSeconds,
        Func<Task<TimeSpan>> anchor, Func<Task<long>> anchorCount)
    {
        foreach (var (format, path) in new[] { ("xlsx", data.XlsxPath!), ("csv", data.CsvPath) })
        {
            // Correct before timed: the file, the registry and the anchor table hold the same number of rows, none rejected.
            await anchor();
            await subject.ResetAsync();
            var (_, _, status) = await subject.ImportAsync(path);
            await VerifyAsync(subject, data, status, await anchorCount());

            var phases = new List<(double Validate, double Commit)>();
            var memory = new List<(long Before, long Peak)>();
            var (a, s) = await AlternateAsync($"import {database} {format}", runs,
                async () => [(await anchor()).TotalSeconds],
                async () =>
                {
                    await subject.ResetAsync();
                    var (validate, commit, _) = await subject.ImportAsync(path);
                    phases.Add((validate.TotalSeconds, commit.TotalSeconds));
                    memory.Add(subject.LastMemory);
                    return [(validate + commit).TotalSeconds];
                });
            phases.RemoveAt(0); // the warm-up
            memory.RemoveAt(0);
            var median = s.Median;
            var ratio = median / a.Median;
            results.Add($"import_{format}_{database}_{data.Rows}_rows", Invariant($"{median:F2} s"), Invariant($"{a.Median:F2} s"), ratio, "<= 2.0x", ratio <= 2.0);
            results.Detail(Invariant($"median validate {Median(phases.Select(p => p.Validate)):F2} s, commit {Median(phases.Select(p => p.Commit)):F2} s; {data.Rows / median:N0} rows/s; the earlier absolute goal (>= 2,000 rows/s, <= {goalSeconds:F0} s) {(median <= goalSeconds ? "met" : "not met")}"));
            results.Detail(Invariant($"memory: peak working set during the import {memory.Max(m => m.Peak) / 1048576.0:N0} MB (before it {memory.Max(m => m.Before) / 1048576.0:N0} MB, so +{memory.Max(m => m.Peak - m.Before) / 1048576.0:N0} MB)"));
        }
    }

    private static async Task VerifyAsync(ImportRunner subject, BenchData data, Web.Modules.Registry.Import.ImportStatusView status, long anchorRows)
    {
        var persons = await subject.CountPersonsAsync();
        if (status.Inserted != data.Rows || persons != data.Rows || anchorRows != data.Rows || status.Summary?.ErrorRows != 0)
        {
            throw new InvalidOperationException(Invariant(
                $"row counts differ: file {data.Rows}, inserted {status.Inserted}, stored {persons}, anchor {anchorRows}, errors {status.Summary?.ErrorRows} ({status.Message}; first: {(status.Summary is { Errors.Count: > 0 } s ? s.Errors[0] : null)})"));
        }
        Console.WriteLine(Invariant($"# {subject.Provider}: verified {data.Rows:N0} rows in the file, {persons:N0} persons stored, {anchorRows:N0} rows in the anchor table"));
    }
}
