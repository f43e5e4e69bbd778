using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// PostgreSQL: binary COPY of the new persons straight into registry_persons, the changed ones into a TEMP table and one
/// set-based UPDATE, then binary COPY of the timeline rows and of the audit rows (hash-chained while they stream).
/// The registry is locked against other writers (SHARE ROW EXCLUSIVE; readers are not blocked) for the transaction.
/// </summary>
internal sealed class PostgresSpillLoader(KangfuDbContext db, IDbContextTransaction transaction) : ISpillLoader
{
    private const string UniqueViolation = "23505";

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    private NpgsqlTransaction Transaction => (NpgsqlTransaction)transaction.GetDbTransaction();

    public static async Task<PostgresSpillLoader> BeginAsync(KangfuDbContext db, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(PostgresMergeSql.Lock, ct);
        return new PostgresSpillLoader(db, transaction);
    }

    public async Task<bool> VersionsHoldAsync(ImportSpill spill, string district, CancellationToken ct)
    {
        await ExecuteAsync(PostgresMergeSql.CreateCheck, null, ct);
        using (var reader = spill.Open(ImportSpill.CheckSegment, SpillRecords.Check))
        await using (var copy = await Connection.BeginBinaryImportAsync(PostgresMergeSql.CopyCheck, ct))
        {
            while (reader.Read())
            {
                copy.StartRow();
                copy.Write((Guid)reader.Values[0]!, NpgsqlDbType.Uuid);
                copy.Write((Guid)reader.Values[1]!, NpgsqlDbType.Uuid);
            }
            await copy.CompleteAsync(ct);
        }
        await using var command = Command(PostgresMergeSql.StaleChecks);
        command.Parameters.AddWithValue("district", district);
        return (long)(await command.ExecuteScalarAsync(ct))! == 0;
    }

    public async Task<MergeResult> WriteAsync(ImportSpill spill, SpillManifest manifest, MergeContext context, ImportJob job, CancellationToken ct)
    {
        var district = context.User.DistrictCode;
        job.Advance(manifest.Unchanged + manifest.Invalid);
        try
        {
            await CopyPersonsAsync(spill, ImportSpill.NewSegment, PostgresMergeSql.CopyPersons, district, context.Now, job, ct);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw new StaleSpillException();
        }
        if (manifest.Changed > 0)
        {
            await ExecuteAsync(PostgresMergeSql.CreateChanged, null, ct);
            await CopyPersonsAsync(spill, ImportSpill.ChangedSegment, PostgresMergeSql.CopyChanged, null, context.Now, job, ct);
            await ExecuteAsync(PostgresMergeSql.UpdateChanged(context.Updatable), c =>
            {
                c.Parameters.AddWithValue("district", district);
                c.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, context.Now);
            }, ct);
        }
        await CopyEventsAsync(spill, context, ct);
        await CopyAuditAsync(spill, context, ct);
        return new MergeResult(manifest.New, manifest.Changed);
    }

    /// <summary>
    /// Persons from a spill segment: straight into registry_persons (<paramref name="district"/> given) or into the staging
    /// table of changed persons (no district, no timestamps). Every written person gets a new version.
    /// </summary>
    private async Task CopyPersonsAsync(ImportSpill spill, string segment, string copySql, string? district, DateTime now, ImportJob job, CancellationToken ct)
    {
        using var reader = spill.Open(segment, SpillRecords.Person);
        await using var copy = await Connection.BeginBinaryImportAsync(copySql, ct);
        var values = reader.Values;
        while (reader.Read())
        {
            copy.StartRow();
            if (district is not null)
            {
                copy.Write(district, NpgsqlDbType.Text);
            }
            copy.Write((Guid)values[0]!, NpgsqlDbType.Uuid);
            copy.Write((string)values[1]!, NpgsqlDbType.Text);
            copy.Write((string)values[2]!, NpgsqlDbType.Text);
            for (var i = 0; i < PersonFields.Data.Count; i++)
            {
                PostgresCopy.Write(copy, values[SpillRecords.PersonFieldsStart + i], PersonFields.Data[i].Kind);
            }
            if (district is not null)
            {
                copy.Write(now, NpgsqlDbType.TimestampTz);
                copy.Write(now, NpgsqlDbType.TimestampTz);
            }
            copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            job.Advance();
        }
        await copy.CompleteAsync(ct);
    }

    private async Task CopyEventsAsync(ImportSpill spill, MergeContext context, CancellationToken ct)
    {
        var district = context.User.DistrictCode;
        var created = MergeTexts.CreatedDetail(context.FileName);
        using var reader = spill.Open(ImportSpill.EventSegment, SpillRecords.Event);
        await using var copy = await Connection.BeginBinaryImportAsync(PostgresMergeSql.CopyEvents, ct);
        var values = reader.Values;
        while (reader.Read())
        {
            var isNew = (int)values[1]! == 1;
            copy.StartRow();
            copy.Write(district, NpgsqlDbType.Text);
            copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            copy.Write((Guid)values[0]!, NpgsqlDbType.Uuid);
            copy.Write(context.Now, NpgsqlDbType.TimestampTz);
            copy.Write(MergeTexts.EventKind, NpgsqlDbType.Text);
            copy.Write(isNew ? MergeTexts.CreatedTitle : MergeTexts.UpdatedTitle, NpgsqlDbType.Text);
            copy.Write(isNew ? created : (string)values[2]!, NpgsqlDbType.Text);
            copy.Write(context.User.DisplayName, NpgsqlDbType.Text);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>Chains one audit row per written person onto the district's chain (the caller holds the chain's writer lock).</summary>
    private async Task CopyAuditAsync(ImportSpill spill, MergeContext context, CancellationToken ct)
    {
        var user = context.User;
        (long Sequence, string Hash) head = (0, AuditChain.Genesis);
        // Another instance's writer of chain 0 waits here until this transaction ends (the in-process lock covers this process only).
        await using (var advisory = Command(AuditChainAppend.LockSql))
        {
            advisory.Parameters.AddWithValue("key", AuditChainAppend.Key(user.DistrictCode, 0));
            await advisory.ExecuteNonQueryAsync(ct);
        }
        await using (var query = Command(PostgresMergeSql.AuditHead))
        {
            query.Parameters.AddWithValue("district", user.DistrictCode);
            await using var result = await query.ExecuteReaderAsync(ct);
            if (await result.ReadAsync(ct))
            {
                head = (result.GetInt64(0), result.GetString(1));
            }
        }
        using var reader = spill.Open(ImportSpill.AuditSegment, SpillRecords.Audit);
        await using var copy = await Connection.BeginBinaryImportAsync(PostgresMergeSql.CopyAudit, ct);
        var values = reader.Values;
        var row = new AuditEntry[1];
        while (reader.Read())
        {
            var e = row[0] = AuditLog.For(user, context.Now, (int)values[1]! == 1 ? AuditActions.Create : AuditActions.Update, nameof(Person),
                ((Guid)values[0]!).ToString(), (string)values[2]!, districtCode: user.DistrictCode);
            head = AuditChain.Link(row, head.Sequence, head.Hash);
            copy.StartRow();
            copy.Write(e.DistrictCode, NpgsqlDbType.Text);
            copy.Write(e.Id, NpgsqlDbType.Uuid);
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(e.PrevHash, NpgsqlDbType.Text);
            copy.Write(e.Hash, NpgsqlDbType.Text);
            copy.Write(e.At, NpgsqlDbType.TimestampTz);
            PostgresCopy.Write(copy, e.UserId, FieldKind.Text);
            PostgresCopy.Write(copy, e.UserName, FieldKind.Text);
            PostgresCopy.Write(copy, e.Roles, FieldKind.Text);
            PostgresCopy.Write(copy, e.AreaCode, FieldKind.Text);
            PostgresCopy.Write(copy, e.Ip, FieldKind.Text);
            copy.Write(e.Action, NpgsqlDbType.Text);
            copy.Write(e.EntityType, NpgsqlDbType.Text);
            PostgresCopy.Write(copy, e.EntityId, FieldKind.Text);
            PostgresCopy.Write(copy, e.Changes, FieldKind.Text);
            copy.Write(e.Result, NpgsqlDbType.Text);
        }
        await copy.CompleteAsync(ct);
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();

    private NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction) { CommandTimeout = 0 };

    /// <summary>No time limit: a statement over a million rows runs for minutes on a small server (the job's token still stops it).</summary>
    private async Task ExecuteAsync(string sql, Action<NpgsqlCommand>? parameters, CancellationToken ct)
    {
        await using var command = Command(sql);
        parameters?.Invoke(command);
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal static class PostgresCopy
{
    /// <summary>Writes one value of a COPY row by its kind (synchronously: the importer buffers and flushes in large blocks).</summary>
    public static void Write(NpgsqlBinaryImporter importer, object? value, FieldKind kind)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            default:
                switch (kind)
                {
                    case FieldKind.Number:
                        importer.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
                        break;
                    case FieldKind.Date:
                        importer.Write((DateOnly)value, NpgsqlDbType.Date);
                        break;
                    default:
                        importer.Write((string)value, NpgsqlDbType.Text);
                        break;
                }
                break;
        }
    }
}
