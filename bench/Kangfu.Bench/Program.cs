using System.Globalization;
using Kangfu.Bench;
using Kangfu.Web.Platform.Data;
using Npgsql;

// Import benchmark: a 20,000-row registry file (.xlsx and .csv) imported through the API's own actions (validate + confirm)
// into a fresh SQLite file and a fresh PostgreSQL database, against the databases' bulk loaders as anchors.
//   dotnet run -c Release --project bench/Kangfu.Bench -- [--smoke] [--rows N] [--runs N]
// KANGFU_BENCH_PG (default: KANGFU_TEST_PG, else Host=127.0.0.1;Username=kangfu;Password=kangfu;Database=postgres) is the admin connection.
var smoke = args.Contains("--smoke");
var rows = Option("--rows") ?? (smoke ? 2_000 : 20_000);
var runs = Option("--runs") ?? (smoke ? 3 : 5);
var goalSeconds = rows / 2_000.0; // 20,000 rows within 10 s (validate + confirm), i.e. ≥ 2,000 rows/s end to end
var folder = Directory.CreateTempSubdirectory("kangfu-bench-").FullName;
var admin = Environment.GetEnvironmentVariable("KANGFU_BENCH_PG") ?? Environment.GetEnvironmentVariable("KANGFU_TEST_PG")
    ?? "Host=127.0.0.1;Username=kangfu;Password=kangfu;Database=postgres";
var pgDatabase = "kangfu_bench_" + Guid.NewGuid().ToString("N")[..8];
var pgConnection = new NpgsqlConnectionStringBuilder(admin) { Database = pgDatabase }.ConnectionString;
Console.WriteLine(FormattableString.Invariant($"# Kangfu import benchmark: {rows:N0} rows, {runs} measured runs + 1 warm-up, {Environment.ProcessorCount} cores, {TimeProvider.System.GetLocalNow():yyyy-MM-dd HH:mm}"));
var results = new List<string>();
try
{
    await PgAdminAsync($"CREATE DATABASE \"{pgDatabase}\" ENCODING 'UTF8' TEMPLATE template0");
    await using (var sqlite = await ImportRunner.CreateAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "subject.db")}", Path.Combine(folder, "imports")))
    {
        var (communities, names) = await sqlite.AreasAsync();
        var data = BenchData.Create(folder, communities, names, rows);
        Console.WriteLine(FormattableString.Invariant($"# files: {data.XlsxPath} ({new FileInfo(data.XlsxPath).Length / 1024:N0} KB), {data.CsvPath} ({new FileInfo(data.CsvPath).Length / 1024:N0} KB)"));
        var anchorDb = Path.Combine(folder, "anchor.db");
        await Measure.RunAsync(results, "sqlite", sqlite, data, runs, goalSeconds,
            () => Anchors.SqliteImportAsync(anchorDb, data.CsvPath, data.Columns), () => Anchors.CountAsync("sqlite3", anchorDb));
        await using var pg = await ImportRunner.CreateAsync(DatabaseProvider.Postgres, pgConnection, Path.Combine(folder, "imports"));
        await Measure.RunAsync(results, "postgres", pg, data, runs, goalSeconds,
            () => Anchors.PostgresCopyAsync(pgConnection, data.CsvPath, data.Columns), () => Anchors.CountAsync("psql", pgConnection));
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await PgAdminAsync($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
    Directory.Delete(folder, recursive: true);
}
Console.WriteLine();
Console.WriteLine("metric, subject, anchor, ratio, goal, PASS/FAIL");
results.ForEach(Console.WriteLine);
return results.Any(r => r.EndsWith("FAIL", StringComparison.Ordinal)) ? 1 : 0;

int? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : null;
}

async Task PgAdminAsync(string sql)
{
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
