using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// PostgreSQL: binary COPY of every valid row into a TEMP staging table, then one INSERT … ON CONFLICT … DO UPDATE
/// … WHERE (columns) IS DISTINCT FROM (excluded) that also writes the audit and timeline rows of exactly the
/// inserted and updated persons. The registry table is locked against other writers for the transaction, so the
/// snapshot the rows were checked against stays true.
/// </summary>
internal sealed class PostgresMergeSession(KangfuDbContext db, IDbContextTransaction transaction, MergeContext context) : IPersonMergeSession
{
    private NpgsqlBinaryImporter? importer;

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    public static async Task<PostgresMergeSession> BeginAsync(KangfuDbContext db, MergeContext context, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(PostgresMergeSql.LockAndCreateStaging, ct);
        return new PostgresMergeSession(db, transaction, context);
    }

    public async Task AddAsync(ValidatedRow row, CancellationToken ct)
    {
        importer ??= await Connection.BeginBinaryImportAsync(PostgresMergeSql.CopyStaging, ct);
        var p = row.Person!;
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(FieldProtection.Protect(p.IdNumber), NpgsqlDbType.Text, ct);
        await importer.WriteAsync(FieldProtection.BlindIndex.IdNumber(p.IdNumber), NpgsqlDbType.Text, ct);
        foreach (var field in PersonFields.Data)
        {
            await PostgresCopy.WriteAsync(importer, field.Stored(p), field.Kind, ct);
        }
        await importer.WriteAsync(p.Version, NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(MergeTexts.Changes(row), NpgsqlDbType.Text, ct);
        await importer.WriteAsync(MergeTexts.EventDetail(row, context.FileName), NpgsqlDbType.Text, ct);
        await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
    }

    public async Task<MergeResult> MergeAsync(CancellationToken ct)
    {
        if (importer is null)
        {
            return new MergeResult(0, 0);
        }
        await importer.CompleteAsync(ct);
        await importer.DisposeAsync();
        importer = null;
        // One statement over the whole file: a 1,000,000-row merge runs for minutes on a small server, far beyond Npgsql's
        // 30 s default (the bench's 1M seed failed on it). The job's cancellation token still stops it.
        await using var command = new NpgsqlCommand(PostgresMergeSql.Merge(context.Updatable), Connection, (NpgsqlTransaction)transaction.GetDbTransaction())
        {
            CommandTimeout = 0,
        };
        var user = context.User;
        command.Parameters.AddWithValue("district", user.DistrictCode);
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, context.Now);
        command.Parameters.AddWithValue("user_id", user.UserId);
        command.Parameters.AddWithValue("user_name", user.UserName);
        command.Parameters.AddWithValue("roles", string.Join(',', user.Roles));
        command.Parameters.AddWithValue("area", (object?)user.AreaPrefix ?? DBNull.Value);
        command.Parameters.AddWithValue("ip", (object?)user.Ip ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", user.DisplayName);
        MergeResult result;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            result = new MergeResult(reader.GetInt32(0), reader.GetInt32(1));
        }
        await AppendAuditAsync(ct);
        return result;
    }

    /// <summary>Chains the merge's audit rows onto the district's audit chain (the caller holds the chain's writer lock).</summary>
    private async Task AppendAuditAsync(CancellationToken ct)
    {
        var user = context.User;
        var tx = (NpgsqlTransaction)transaction.GetDbTransaction();
        var rows = new List<AuditEntry>();
        await using (var pending = new NpgsqlCommand(PostgresMergeSql.PendingAudit, Connection, tx))
        await using (var reader = await pending.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var entry = AuditLog.For(user, context.Now, reader.GetString(2), nameof(Person), reader.GetString(1),
                    await reader.IsDBNullAsync(3, ct) ? null : reader.GetString(3), districtCode: user.DistrictCode);
                entry.Id = reader.GetGuid(0);
                rows.Add(entry);
            }
        }
        if (rows.Count == 0)
        {
            return;
        }
        (long Sequence, string Hash) head = (0, AuditChain.Genesis);
        await using (var query = new NpgsqlCommand(PostgresMergeSql.AuditHead, Connection, tx))
        {
            query.Parameters.AddWithValue("district", user.DistrictCode);
            await using var reader = await query.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                head = (reader.GetInt64(0), reader.GetString(1));
            }
        }
        AuditChain.Link(rows, head.Sequence, head.Hash);
        await using var copy = await Connection.BeginBinaryImportAsync(PostgresMergeSql.CopyAudit, ct);
        foreach (var e in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(e.DistrictCode, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.PrevHash, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Hash, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
            foreach (var value in new[] { e.UserId, e.UserName, e.Roles, e.AreaCode, e.Ip, e.Action, e.EntityType, e.EntityId, e.Changes, e.Result })
            {
                await PostgresCopy.WriteAsync(copy, value, FieldKind.Text, ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (importer is not null)
        {
            await importer.DisposeAsync(); // without Complete: the COPY is cancelled
        }
        await transaction.DisposeAsync();
    }
}

internal static class PostgresCopy
{
    public static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, FieldKind kind, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        _ => kind switch
        {
            FieldKind.Number => importer.WriteAsync(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer, ct),
            FieldKind.Date => importer.WriteAsync((DateOnly)value, NpgsqlDbType.Date, ct),
            _ => importer.WriteAsync((string)value, NpgsqlDbType.Text, ct),
        },
    };
}
