using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// SQLite: one write transaction (BEGIN IMMEDIATE: other writers wait, so what is checked stays true) with prepared
/// INSERT/UPDATE commands reused for every row, values bound by position, a larger page cache for the bulk load.
/// Values are bound as EF Core stores them (GUIDs, dates and times as text), so EF reads the rows back unchanged.
/// </summary>
internal sealed class SqliteSpillLoader(KangfuDbContext db, IDbContextTransaction transaction) : ISpillLoader
{
    private const int SqliteConstraint = 19;
    private static readonly string DataColumns = string.Join(", ", PersonFields.Data.Select(f => f.Column));

    private SqliteConnection Connection => (SqliteConnection)db.Database.GetDbConnection();

    public static async Task<SqliteSpillLoader> BeginAsync(KangfuDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", ct); // 64 MiB: a fixed bound, whatever the file size
        return new SqliteSpillLoader(db, await db.Database.BeginTransactionAsync(ct));
    }

    public async Task<bool> VersionsHoldAsync(ImportSpill spill, string district, CancellationToken ct)
    {
        using var command = Prepare("SELECT version FROM registry_persons WHERE district_code = $district AND id = $id", out var p);
        Bind(p[0], district);
        using var reader = spill.Open(ImportSpill.CheckSegment, SpillRecords.Check);
        while (reader.Read())
        {
            Bind(p[1], reader.Values[0]);
            if (await command.ExecuteScalarAsync(ct) is not string stored || Guid.Parse(stored) != (Guid)reader.Values[1]!)
            {
                return false;
            }
        }
        return true;
    }

    public async Task<MergeResult> WriteAsync(ImportSpill spill, SpillManifest manifest, MergeContext context, ImportJob job, CancellationToken ct)
    {
        job.Advance(manifest.Unchanged + manifest.Invalid);
        var district = context.User.DistrictCode;
        try
        {
            await WritePersonsAsync(spill, ImportSpill.NewSegment,
                $"INSERT INTO registry_persons (id, id_number, id_number_hash, {DataColumns}, district_code, created_at, updated_at, version) VALUES "
                + $"($id, $id_number, $id_number_hash, {string.Join(", ", PersonFields.Data.Select(f => "$" + f.Column))}, $district_code, $created_at, $updated_at, $version)",
                PersonFields.Data, district, context.Now, job, ct);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw new StaleSpillException();
        }
        if (manifest.Changed > 0)
        {
            await WritePersonsAsync(spill, ImportSpill.ChangedSegment,
                $"UPDATE registry_persons SET {string.Join(", ", context.Updatable.Select(f => $"{f.Column} = ${f.Column}"))}, updated_at = $updated_at, version = $version "
                + "WHERE id = $id AND district_code = $district_code",
                context.Updatable, district, context.Now, job, ct);
        }
        await WriteEventsAsync(spill, context, ct);
        await WriteAuditAsync(spill, context, ct);
        return new MergeResult(manifest.New, manifest.Changed);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> for every person of a segment. Its parameters, in order: $id, then (for an INSERT) $id_number,
    /// $id_number_hash, then one per field of <paramref name="fields"/>, then $district_code, ($created_at,) $updated_at, $version.
    /// </summary>
    private async Task WritePersonsAsync(ImportSpill spill, string segment, string sql, IReadOnlyList<PersonField> fields, string district,
        DateTime now, ImportJob job, CancellationToken ct)
    {
        using var command = Prepare(sql, out var p);
        var byName = p.Select((parameter, i) => (parameter.ParameterName, i)).ToDictionary(x => x.ParameterName[1..], x => x.i);
        var sources = new (int Parameter, int Value)[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            sources[i] = (byName[fields[i].Column], SpillRecords.PersonFieldsStart + PersonFields.IndexOf(fields[i]));
        }
        Bind(p[byName["district_code"]], district);
        Bind(p[byName["updated_at"]], now);
        if (byName.TryGetValue("created_at", out var created))
        {
            Bind(p[created], now);
        }
        var idNumber = byName.GetValueOrDefault("id_number", -1);
        var (id, version) = (byName["id"], byName["version"]);
        using var reader = spill.Open(segment, SpillRecords.Person);
        var values = reader.Values;
        while (reader.Read())
        {
            Bind(p[id], values[0]);
            if (idNumber >= 0)
            {
                Bind(p[idNumber], values[1]);
                Bind(p[byName["id_number_hash"]], values[2]);
            }
            foreach (var (parameter, value) in sources)
            {
                Bind(p[parameter], values[value]);
            }
            Bind(p[version], Guid.CreateVersion7());
            await command.ExecuteNonQueryAsync(ct);
            job.Advance();
        }
    }

    private async Task WriteEventsAsync(ImportSpill spill, MergeContext context, CancellationToken ct)
    {
        using var command = Prepare("INSERT INTO registry_person_events (district_code, id, person_id, at, kind, title, detail, actor_name) "
            + "VALUES ($district_code, $id, $person_id, $at, $kind, $title, $detail, $actor_name)", out var p);
        Bind(p[0], context.User.DistrictCode);
        Bind(p[3], context.Now);
        Bind(p[4], MergeTexts.EventKind);
        Bind(p[7], context.User.DisplayName);
        var created = MergeTexts.CreatedDetail(context.FileName);
        using var reader = spill.Open(ImportSpill.EventSegment, SpillRecords.Event);
        var values = reader.Values;
        while (reader.Read())
        {
            var isNew = (int)values[1]! == 1;
            Bind(p[1], Guid.CreateVersion7());
            Bind(p[2], values[0]);
            Bind(p[5], isNew ? MergeTexts.CreatedTitle : MergeTexts.UpdatedTitle);
            Bind(p[6], isNew ? created : values[2]);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Chains one audit row per written person onto the district's chain (the caller holds the chain's writer lock).</summary>
    private async Task WriteAuditAsync(ImportSpill spill, MergeContext context, CancellationToken ct)
    {
        var user = context.User;
        (long Sequence, string Hash) head = (0, AuditChain.Genesis);
        using (var query = Prepare("SELECT sequence, hash FROM audit_entries WHERE district_code = $district AND chain = 0 ORDER BY sequence DESC LIMIT 1", out var q))
        {
            Bind(q[0], user.DistrictCode);
            await using var result = await query.ExecuteReaderAsync(ct);
            if (await result.ReadAsync(ct))
            {
                head = (result.GetInt64(0), result.GetString(1));
            }
        }
        using var command = Prepare("INSERT INTO audit_entries (district_code, id, sequence, prev_hash, hash, at, user_id, user_name, roles, area_code, ip, action, entity_type, entity_id, changes, result) "
            + "VALUES ($district_code, $id, $sequence, $prev_hash, $hash, $at, $user_id, $user_name, $roles, $area_code, $ip, $action, $entity_type, $entity_id, $changes, $result)", out var p);
        using var reader = spill.Open(ImportSpill.AuditSegment, SpillRecords.Audit);
        var values = reader.Values;
        var row = new AuditEntry[1];
        while (reader.Read())
        {
            var e = row[0] = AuditLog.For(user, context.Now, (int)values[1]! == 1 ? AuditActions.Create : AuditActions.Update, nameof(Person),
                ((Guid)values[0]!).ToString(), (string)values[2]!, districtCode: user.DistrictCode);
            head = AuditChain.Link(row, head.Sequence, head.Hash);
            object?[] columns = [e.DistrictCode, e.Id, e.Sequence, e.PrevHash, e.Hash, e.At, e.UserId, e.UserName, e.Roles, e.AreaCode, e.Ip,
                e.Action, e.EntityType, e.EntityId, e.Changes, e.Result];
            for (var i = 0; i < columns.Length; i++)
            {
                Bind(p[i], columns[i]);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await transaction.CommitAsync(ct);
        await RestoreCacheAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await RestoreCacheAsync();
    }

    /// <summary>The connection goes back to the pool with SQLite's default page cache (2 MB).</summary>
    private async Task RestoreCacheAsync()
    {
        if (Connection.State == System.Data.ConnectionState.Open && db.Database.CurrentTransaction is null)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000");
        }
    }

    /// <summary>A prepared command on the import transaction; its parameters in the order they first appear in the SQL.</summary>
    private SqliteCommand Prepare(string sql, out SqliteParameter[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        command.CommandText = sql;
        parameters = System.Text.RegularExpressions.Regex.Matches(sql, @"\$([a-z_]+)").Select(m => m.Value).Distinct()
            .Select(name => command.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        command.Prepare();
        return command;
    }

    /// <summary>Integers as integers, everything else (text, GUIDs, dates, times) as EF Core's SQLite text forms.</summary>
    private static void Bind(SqliteParameter parameter, object? value)
    {
        parameter.SqliteType = value is int or long ? SqliteType.Integer : SqliteType.Text;
        parameter.Value = value ?? DBNull.Value;
    }
}
