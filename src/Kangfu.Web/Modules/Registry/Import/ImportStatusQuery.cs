using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Registry.Import;

public sealed record ImportStatusView(
    Guid BatchId, string FileName, ImportStatus Status, int Processed, int Total, int Percent, ImportSummary? Summary,
    int Inserted, int Updated, int Unchanged, string? Message, bool HasErrorFile);

/// <summary>Progress and outcome of one of the user's batches: live from the running job, else from the batch row.</summary>
public sealed class ImportStatusQuery(KangfuDbFactory dbFactory, ImportStorage storage, ImportJobs jobs)
{
    public async Task<ImportStatusView> HandleAsync(UserContext user, Guid batchId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var batch = await ImportBatches.FindOwnAsync(db, user, batchId, ct);
        var job = jobs.Find(batchId);
        var status = batch.Status;
        var message = batch.Message;
        if (status is ImportStatus.Validating or ImportStatus.Committing && job is { Completion.IsCompleted: true })
        {
            // The job ended after the row was read: read it again, for the counts its commit wrote with the status (else a
            // finished import showed 新增0人 — seen once in the full test run).
            batch = await ImportBatches.FindOwnAsync(db, user, batchId, ct);
            status = batch.Status;
            message = batch.Message;
        }
        if (status is ImportStatus.Validating or ImportStatus.Committing && job is not { Completion.IsCompleted: false })
        {
            // The job ended without writing its row (failed), or the server restarted while it ran (a commit rolls back whole).
            status = job?.Status ?? ImportStatus.Failed;
            message = job?.Message ?? "处理被中断（服务器已重启），没有写入任何数据，请重新上传文件。";
        }
        var processed = job?.Processed ?? (status is ImportStatus.Committed ? batch.TotalRows : 0);
        var total = job?.Total ?? batch.TotalRows;
        var percent = status is ImportStatus.Validated or ImportStatus.Committed ? 100
            : total == 0 ? 0 : Math.Min(99, processed * 100 / total);
        return new ImportStatusView(
            batch.Id, batch.FileName, status, processed, total, percent, job?.Summary ?? storage.LoadSummary(batchId),
            batch.Inserted, batch.Updated, batch.Unchanged, message, File.Exists(storage.ErrorFilePath(batchId)));
    }
}
