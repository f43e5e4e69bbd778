using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Platform.Cli;
using Kangfu.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kangfu.IntegrationTests.Platform;

/// <summary>backup → restore into a fresh database: every table has the same row count and content checksum.</summary>
public abstract class BackupRestoreTests(KangfuApp app)
{
    [Fact]
    public async Task Backup_then_restore_into_a_fresh_database_is_equal_table_by_table()
    {
        await app.AddPersonAsync(KangfuApp.CommunityA, "备份恢复");
        var file = Path.Combine(Path.GetTempPath(), $"kangfu-backup-{Guid.NewGuid():N}.bak");
        var target = await FreshDatabaseAsync();
        try
        {
            await new DatabaseBackup(new DatabaseOptions { Provider = app.Provider, ConnectionString = app.ConnectionString }).BackupAsync(file);
            await new DatabaseBackup(new DatabaseOptions { Provider = app.Provider, ConnectionString = target }).RestoreAsync(file);

            var tables = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Append("ef_migrations_history").Order().ToList()));
            var source = await SnapshotAsync(app.ConnectionString, tables);
            var restored = await SnapshotAsync(target, tables);

            Assert.Equal(source, restored);
            Assert.True(source["registry_persons"].Rows > 0);
            Console.WriteLine($"[figure] {app.Provider} backup→restore: {tables.Count} tables, {source.Values.Sum(t => t.Rows)} rows, " +
                $"{source.Count(t => restored[t.Key] == t.Value)} of {tables.Count} tables equal (count + SHA-256), backup {new FileInfo(file).Length / 1024} KB");
        }
        finally
        {
            File.Delete(file);
            await DropAsync(target);
        }
    }

    private async Task<string> FreshDatabaseAsync()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            return $"Data Source={Path.Combine(Path.GetTempPath(), $"kangfu-restore-{Guid.NewGuid():N}.db")}";
        }
        var name = "kangfu_restore_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(Admin);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    private async Task DropAsync(string connectionString)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(new SqliteConnectionStringBuilder(connectionString).DataSource);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Admin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Admin => Environment.GetEnvironmentVariable("KANGFU_TEST_PG") ?? "Host=127.0.0.1;Username=kangfu;Password=kangfu;Database=postgres";

    /// <summary>Per table: row count and SHA-256 of the sorted rows (every column as invariant text).</summary>
    private async Task<Dictionary<string, (int Rows, string Sha256)>> SnapshotAsync(string connectionString, IEnumerable<string> tables)
    {
        await using DbConnection connection = app.Provider == DatabaseProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var result = new Dictionary<string, (int, string)>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }
            rows.Sort(StringComparer.Ordinal);
            result[table] = (rows.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)))));
        }
        return result;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BackupRestoreTestsSqlite(SqliteApp app) : BackupRestoreTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BackupRestoreTestsPostgres(PostgresApp app) : BackupRestoreTests(app);
