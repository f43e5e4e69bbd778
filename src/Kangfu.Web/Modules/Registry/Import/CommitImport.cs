using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// The background write of a confirmed batch: the file is parsed and checked again (streaming) inside ONE transaction,
/// only valid rows are merged, and the summary audit row and the batch counts are saved in the same transaction.
/// </summary>
internal sealed class CommitImport(KangfuDbFactory dbFactory, ImportStorage storage, AuditLog audit, TimeProvider clock)
{
    /// <summary>The merge appends its audit rows to the chain inside its transaction: it holds the chain's writer lock until commit.</summary>
    public Task HandleAsync(ImportJob job, UserContext user, ImportBatch batch, CancellationToken ct) =>
        AuditChain.ExclusiveAsync(async () =>
        {
            await RunAsync(job, user, batch, ct);
            return true;
        }, ct);

    private async Task RunAsync(ImportJob job, UserContext user, ImportBatch batch, CancellationToken ct)
    {
        var path = storage.UploadPath(batch.Id);
        using var pipeline = ImportPipeline.Open(path, ImportFileKinds.Detect(path, batch.FileName, storage.UploadLimits));
        await using var db = dbFactory.CreateDbContext();
        var merge = new MergeContext(user, clock.GetUtcNow().UtcDateTime, batch.Id, batch.FileName, PersonFields.Updatable(pipeline.Map.Present));
        await using var session = await PersonBulkWriter.BeginMergeAsync(db, merge, ct);
        var validator = new RowValidator(pipeline.Map, await ImportContext.LoadAsync(db, user, clock, ct));
        var tally = new ImportTally();
        foreach (var row in pipeline.DataRows())
        {
            var result = validator.Validate(row);
            tally.Add(result);
            if (result.IsValid)
            {
                await session.AddAsync(result, ct);
            }
            job.Advance();
        }
        var written = await session.MergeAsync(ct);
        var unchanged = tally.Valid - written.Inserted - written.Updated;
        var message = $"导入完成：新增{written.Inserted}人，更新{written.Updated}人，无变化{unchanged}人，跳过错误行{tally.Invalid}行";
        db.AuditEntries.Add(audit.Create(user, AuditActions.Import, nameof(ImportBatch), batch.Id.ToString(), $"文件：{batch.FileName}；{message}"));
        await db.SaveChangesAsync(ct);
        await db.ImportBatches.Where(b => b.DistrictCode == user.DistrictCode && b.Id == batch.Id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, ImportStatus.Committed)
            .SetProperty(b => b.CompletedAt, merge.Now)
            .SetProperty(b => b.ValidRows, tally.Valid)
            .SetProperty(b => b.ErrorRows, tally.Invalid)
            .SetProperty(b => b.Inserted, written.Inserted)
            .SetProperty(b => b.Updated, written.Updated)
            .SetProperty(b => b.Unchanged, unchanged)
            .SetProperty(b => b.Message, message), ct);
        await session.CommitAsync(ct);
        storage.DeleteUpload(batch.Id);
        job.Message = message;
        job.Status = ImportStatus.Committed;
    }
}
