using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// SQLite: one write transaction (BEGIN IMMEDIATE, so the snapshot the rows were checked against stays true) with
/// prepared INSERT/UPDATE commands reused for every row. Unchanged rows are skipped; no EF change tracking.
/// </summary>
internal sealed class SqliteMergeSession(IDbContextTransaction transaction, SqliteCommands commands, MergeContext context) : IPersonMergeSession
{
    private int inserted;
    private int updated;

    public static async Task<SqliteMergeSession> BeginAsync(KangfuDbContext db, MergeContext context, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return new SqliteMergeSession(transaction, new SqliteCommands(connection, (SqliteTransaction)transaction.GetDbTransaction()), context);
    }

    public async Task AddAsync(ValidatedRow row, CancellationToken ct)
    {
        if (row.Change is not (RowChange.New or RowChange.Changed))
        {
            return;
        }
        var person = row.Person!;
        var isNew = row.Change == RowChange.New;
        await SqliteCommands.ExecutePersonAsync(isNew ? commands.InsertPerson : commands.UpdatePerson(context.Updatable), person, ct);
        await AuditAsync(person, isNew ? AuditActions.Create : AuditActions.Update, MergeTexts.Changes(row), ct);
        await EventAsync(person, isNew ? MergeTexts.CreatedTitle : MergeTexts.UpdatedTitle, MergeTexts.EventDetail(row, context.FileName), ct);
        _ = isNew ? inserted++ : updated++;
    }

    public Task<MergeResult> MergeAsync(CancellationToken ct) => Task.FromResult(new MergeResult(inserted, updated));

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        commands.Dispose();
        await transaction.DisposeAsync();
    }

    private (long Sequence, string Hash)? head;

    private async Task<int> AuditAsync(Person person, string action, string changes, CancellationToken ct)
    {
        var user = context.User;
        var entry = AuditLog.For(user, context.Now, action, nameof(Person), person.Id.ToString(), changes, districtCode: person.DistrictCode);
        head ??= await commands.AuditHeadAsync(person.DistrictCode, ct);
        head = AuditChain.Link([entry], head.Value.Sequence, head.Value.Hash);
        var command = commands.InsertAudit;
        SqliteCommands.Set(command, "district_code", entry.DistrictCode);
        SqliteCommands.Set(command, "id", entry.Id);
        SqliteCommands.Set(command, "sequence", entry.Sequence);
        SqliteCommands.Set(command, "prev_hash", entry.PrevHash);
        SqliteCommands.Set(command, "hash", entry.Hash);
        SqliteCommands.Set(command, "at", entry.At);
        SqliteCommands.Set(command, "user_id", entry.UserId);
        SqliteCommands.Set(command, "user_name", entry.UserName);
        SqliteCommands.Set(command, "roles", entry.Roles);
        SqliteCommands.Set(command, "area_code", entry.AreaCode);
        SqliteCommands.Set(command, "ip", entry.Ip);
        SqliteCommands.Set(command, "action", entry.Action);
        SqliteCommands.Set(command, "entity_type", entry.EntityType);
        SqliteCommands.Set(command, "entity_id", entry.EntityId);
        SqliteCommands.Set(command, "changes", entry.Changes);
        SqliteCommands.Set(command, "result", entry.Result);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private Task<int> EventAsync(Person person, string title, string detail, CancellationToken ct)
    {
        var command = commands.InsertEvent;
        SqliteCommands.Set(command, "district_code", person.DistrictCode);
        SqliteCommands.Set(command, "id", Guid.CreateVersion7());
        SqliteCommands.Set(command, "person_id", person.Id);
        SqliteCommands.Set(command, "at", context.Now);
        SqliteCommands.Set(command, "kind", MergeTexts.EventKind);
        SqliteCommands.Set(command, "title", title);
        SqliteCommands.Set(command, "detail", detail);
        SqliteCommands.Set(command, "actor_name", context.User.DisplayName);
        return command.ExecuteNonQueryAsync(ct);
    }
}
