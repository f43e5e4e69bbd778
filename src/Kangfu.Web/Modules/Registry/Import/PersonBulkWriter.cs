using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// Set-based writes of many persons, without EF change tracking: PostgreSQL binary COPY, SQLite prepared commands.
/// Imports go through <see cref="SpillLoader"/>; demo data through <see cref="InsertNewAsync"/>.
/// </summary>
public static class PersonBulkWriter
{
    /// <summary>Inserts persons known to be new, in one transaction (no audit rows: used for generated demo data).</summary>
    public static async Task InsertNewAsync(KangfuDbContext db, IEnumerable<Person> persons, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres)
            {
                await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), persons, ct);
            }
            else
            {
                using var commands = new SqliteCommands((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction());
                foreach (var person in persons)
                {
                    await SqliteCommands.ExecutePersonAsync(commands.InsertPerson, person, ct);
                }
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<Person> persons, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(PostgresMergeSql.CopyPersons, ct);
        foreach (var p in persons)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(p.DistrictCode, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(FieldProtection.Protect(p.IdNumber), NpgsqlDbType.Text, ct);
            await importer.WriteAsync(FieldProtection.BlindIndex.IdNumber(p.IdNumber), NpgsqlDbType.Text, ct);
            foreach (var field in PersonFields.Data)
            {
                PostgresCopy.Write(importer, field.Stored(p), field.Kind);
            }
            await importer.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(p.Version, NpgsqlDbType.Uuid, ct);
        }
        await importer.CompleteAsync(ct);
    }
}
