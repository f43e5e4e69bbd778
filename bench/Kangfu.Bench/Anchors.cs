using System.Diagnostics;
using Npgsql;

namespace Kangfu.Bench;

/// <summary>
/// The yardsticks: the database's own bulk loader reading the same CSV into a plain table with the same indexes as
/// registry_persons (unique ID number, certificate number, community, name): <c>psql \copy</c> and <c>sqlite3 .import</c>.
/// </summary>
internal static class Anchors
{
    private static readonly string[] Indexes = ["CREATE UNIQUE INDEX ux_anchor_id ON anchor_persons (c2)", "CREATE INDEX ix_anchor_cert ON anchor_persons (c3)",
        "CREATE INDEX ix_anchor_area ON anchor_persons (c9)", "CREATE INDEX ix_anchor_name ON anchor_persons (c1)"];

    public static string CreateTable(int columns) =>
        "DROP TABLE IF EXISTS anchor_persons; CREATE TABLE anchor_persons ("
        + string.Join(", ", Enumerable.Range(1, columns).Select(i => $"c{i} text")) + "); " + string.Join("; ", Indexes) + ";";

    /// <summary>
    /// PostgreSQL: registry_persons' own index set — the primary key (district_code, id) with the id generated per row, and the
    /// four indexes led by district_code (unique ID number, certificate, community, name). sqlite3 .import cannot fill
    /// generated columns (it binds NULL to columns missing from the file), so the SQLite anchor keeps the four plain indexes.
    /// </summary>
    public static string CreatePostgresTable(int columns) =>
        "DROP TABLE IF EXISTS anchor_persons; CREATE TABLE anchor_persons (district_code character(6) NOT NULL DEFAULT '120116', "
        + "id uuid NOT NULL DEFAULT gen_random_uuid(), " + string.Join(", ", Enumerable.Range(1, columns).Select(i => $"c{i} text"))
        + ", PRIMARY KEY (district_code, id)); CREATE UNIQUE INDEX ux_anchor_id ON anchor_persons (district_code, c2); "
        + "CREATE INDEX ix_anchor_cert ON anchor_persons (district_code, c3); CREATE INDEX ix_anchor_area ON anchor_persons (district_code, c9); "
        + "CREATE INDEX ix_anchor_name ON anchor_persons (district_code, c1);";

    public static async Task<TimeSpan> SqliteImportAsync(string database, string csv, int columns)
    {
        await RunAsync("sqlite3", [database], CreateTable(columns));
        var watch = Stopwatch.StartNew();
        await RunAsync("sqlite3", [database], $".mode csv\n.import --skip 1 '{csv}' anchor_persons\n");
        return watch.Elapsed;
    }

    public static async Task<TimeSpan> PostgresCopyAsync(string connectionString, string csv, int columns)
    {
        var (args, environment) = Psql(connectionString);
        await RunAsync("psql", args, CreatePostgresTable(columns), environment);
        var watch = Stopwatch.StartNew();
        var list = string.Join(", ", Enumerable.Range(1, columns).Select(i => $"c{i}"));
        await RunAsync("psql", args, $"\\copy anchor_persons ({list}) FROM '{csv}' WITH (FORMAT csv, HEADER true)\n", environment);
        return watch.Elapsed;
    }

    public static async Task<long> CountAsync(string program, string connection)
    {
        var (args, environment) = program == "psql" ? Psql(connection) : ([connection], new Dictionary<string, string>());
        var output = await RunAsync(program, args, "SELECT count(*) FROM anchor_persons;", environment);
        return long.Parse(output.Trim().Split('\n')[^1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (string[] Args, Dictionary<string, string> Environment) Psql(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return (["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", b.Host ?? "127.0.0.1", "-p", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", b.Username ?? "", "-d", b.Database ?? ""], new() { ["PGPASSWORD"] = b.Password ?? "" });
    }

    private static async Task<string> RunAsync(string program, string[] args, string input, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args.Where(a => a.Length > 0))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
        }
        return output;
    }
}
