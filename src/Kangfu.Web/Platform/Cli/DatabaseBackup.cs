using System.Diagnostics;
using Kangfu.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kangfu.Web.Platform.Cli;

/// <summary>
/// Backup and restore of the whole database: SQLite through its online backup API (consistent while the app runs),
/// PostgreSQL through pg_dump -Fc / pg_restore. Field-encryption keys are NOT in the backup: keep the key file apart.
/// </summary>
public sealed class DatabaseBackup(DatabaseOptions options)
{
    public async Task BackupAsync(string file, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            File.Delete(file);
            await using var source = new SqliteConnection(options.ConnectionString);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            return;
        }
        await RunAsync("pg_dump", ["-Fc", "--no-owner", "-f", file], ct);
    }

    /// <summary>Replaces the database's content with the backup's (the schema comes with it; migrate afterwards).</summary>
    public async Task RestoreAsync(string file, CancellationToken ct = default)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException("备份文件不存在：" + file);
        }
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await using var target = new SqliteConnection(options.ConnectionString);
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            SqliteConnection.ClearAllPools();
            return;
        }
        await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", file], ct);
    }

    private async Task RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add(cs.Database ?? "");
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username;
        start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {errors}");
        }
    }

    /// <summary>On PATH, else the Debian location of PostgreSQL 15–17.</summary>
    private static string FindTool(string tool)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]);
        return candidates.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists) ?? tool;
    }
}
