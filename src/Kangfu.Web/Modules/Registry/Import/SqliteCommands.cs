using Kangfu.Web.Platform.Privacy;
using Microsoft.Data.Sqlite;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// Prepared, parameterised commands for SQLite, created once per transaction and reused for every row.
/// Values are bound as EF Core stores them (GUIDs and dates as text), so EF reads the rows back unchanged.
/// </summary>
internal sealed class SqliteCommands(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private static readonly string DataColumns = string.Join(", ", PersonFields.Data.Select(f => f.Column));
    private readonly Dictionary<string, SqliteCommand> commands = [];

    public SqliteCommand InsertPerson => Get("insert-person",
        $"INSERT INTO registry_persons (district_code, id, id_number, id_number_hash, {DataColumns}, created_at, updated_at, version) VALUES "
        + $"($district_code, $id, $id_number, $id_number_hash, {string.Join(", ", PersonFields.Data.Select(f => "$" + f.Column))}, $created_at, $updated_at, $version)");

    public SqliteCommand UpdatePerson(IReadOnlyList<PersonField> updatable) => Get("update-person",
        $"UPDATE registry_persons SET {string.Join(", ", updatable.Select(f => $"{f.Column} = ${f.Column}"))}, updated_at = $updated_at, version = $version "
        + "WHERE district_code = $district_code AND id = $id");

    public SqliteCommand InsertAudit => Get("insert-audit",
        "INSERT INTO audit_entries (district_code, id, sequence, prev_hash, hash, at, user_id, user_name, roles, area_code, ip, action, entity_type, entity_id, changes, result) "
        + "VALUES ($district_code, $id, $sequence, $prev_hash, $hash, $at, $user_id, $user_name, $roles, $area_code, $ip, $action, $entity_type, $entity_id, $changes, $result)");

    /// <summary>The head of a district's audit chain, read inside the write transaction.</summary>
    public async Task<(long Sequence, string Hash)> AuditHeadAsync(string districtCode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sequence, hash FROM audit_entries WHERE district_code = $d AND chain = 0 ORDER BY sequence DESC LIMIT 1";
        command.Parameters.AddWithValue("$d", districtCode);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, Audit.AuditChain.Genesis);
    }

    public SqliteCommand InsertEvent => Get("insert-event",
        "INSERT INTO registry_person_events (district_code, id, person_id, at, kind, title, detail, actor_name) "
        + "VALUES ($district_code, $id, $person_id, $at, $kind, $title, $detail, $actor_name)");

    /// <summary>Binds the person's columns (those the command uses) and runs it.</summary>
    public static Task<int> ExecutePersonAsync(SqliteCommand command, Person p, CancellationToken ct)
    {
        Set(command, "district_code", p.DistrictCode);
        Set(command, "id", p.Id);
        Set(command, "id_number", FieldProtection.Protect(p.IdNumber));
        Set(command, "id_number_hash", FieldProtection.BlindIndex.IdNumber(p.IdNumber));
        foreach (var field in PersonFields.Data)
        {
            Set(command, field.Column, field.Stored(p));
        }
        Set(command, "created_at", p.CreatedAt);
        Set(command, "updated_at", p.UpdatedAt);
        Set(command, "version", p.Version);
        return command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Sets a parameter if the command has it; GUIDs, dates and times go in as EF Core's SQLite text forms.</summary>
    public static void Set(SqliteCommand command, string name, object? value)
    {
        var key = "$" + name;
        if (!command.Parameters.Contains(key))
        {
            return;
        }
        var parameter = command.Parameters[key];
        parameter.SqliteType = value is int or long ? SqliteType.Integer : SqliteType.Text;
        parameter.Value = value ?? DBNull.Value;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Get(string key, string sql)
    {
        if (commands.TryGetValue(key, out var existing))
        {
            return existing;
        }
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in ParameterNames(sql))
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }
        command.Prepare();
        commands[key] = command;
        return command;
    }

    private static IEnumerable<string> ParameterNames(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, @"\$([a-z_]+)").Select(m => m.Groups[1].Value).Distinct();
}
