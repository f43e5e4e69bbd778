using System.Diagnostics;
using Npgsql;

namespace Kangfu.IntegrationTests.Infrastructure;

/// <summary>
/// The local streaming standby of the test PostgreSQL server (scripts/pg-standby.sh: Debian cluster "15 standby",
/// port 5433, pg_basebackup -R). KANGFU_TEST_PG_STANDBY overrides its connection string. When it is not reachable the
/// script is run once (it needs root, as scripts/test.sh has); <see cref="Unavailable"/> says why it still is not.
/// </summary>
public static class Standby
{
    private static readonly Lazy<string?> Check = new(Ensure);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("KANGFU_TEST_PG_STANDBY")
        ?? new NpgsqlConnectionStringBuilder(KangfuApp.AdminConnectionString) { Port = 5433, Pooling = false }.ConnectionString;

    /// <summary>Null when the standby streams and may pause replay; otherwise the reason (the test is skipped with it).</summary>
    public static string? Unavailable => Check.Value;

    /// <summary>A connection string for one database: the standby first, the primary as fallback (Npgsql multi-host).</summary>
    public static string PreferStandby(string primary)
    {
        var standby = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        var builder = new NpgsqlConnectionStringBuilder(primary);
        builder.Host = $"{standby.Host}:{standby.Port},{builder.Host}:{builder.Port}";
        builder.TargetSessionAttributes = "prefer-standby";
        return builder.ConnectionString;
    }

    private static string? Ensure()
    {
        if (Probe() is not { } first)
        {
            return null;
        }
        var script = FindScript();
        if (script is null)
        {
            return $"standby not reachable ({first}) and scripts/pg-standby.sh not found";
        }
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return Probe() is { } second ? $"standby not reachable ({second}); scripts/pg-standby.sh (needs root) said: {output.Trim()}" : null;
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT pg_is_in_recovery(), has_function_privilege('pg_wal_replay_pause()', 'execute')", connection);
            using var reader = command.ExecuteReader();
            reader.Read();
            return !reader.GetBoolean(0) ? "the server on the standby port is not in recovery"
                : !reader.GetBoolean(1) ? "the test role may not pause replay" : null;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            return error.Message;
        }
    }

    private static string? FindScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "scripts", "pg-standby.sh");
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }
}
