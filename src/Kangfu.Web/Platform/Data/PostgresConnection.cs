using Npgsql;

namespace Kangfu.Web.Platform.Data;

/// <summary>Defaults the application applies to a PostgreSQL connection string it is given.</summary>
public static class PostgresConnection
{
    /// <summary>Statements prepared automatically per physical connection (Npgsql's auto-prepare).</summary>
    public const int AutoPrepared = 100;

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the string says otherwise: the application sends the same few
    /// hundred statements over and over, and without it PostgreSQL parses and plans each of them on every execution
    /// (measured: most of the server's CPU under the API write benchmark). Set <c>Max Auto Prepare=0</c> to switch it off,
    /// e.g. behind a PgBouncer in transaction mode.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey is true for every known keyword: look at the keys actually given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given(given, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Given(given, "NoResetOnClose"))
        {
            // The application keeps no session state on a connection (temp tables are ON COMMIT DROP, advisory locks are
            // transaction-scoped), so the reset round trip Npgsql sends when a connection goes back to the pool is waste:
            // up to four per request.
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    private static bool Given(System.Data.Common.DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
