using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// The background write of a confirmed batch, in ONE transaction with the registry locked against other writers: the rows
/// the validation spilled (<see cref="ImportSpill"/>) are written set-based, without parsing the file again — provided the
/// spill is still true: the same day, the same areas and scope, and every stored person a row was compared with still at
/// the version it had. Otherwise (or when a "new" person exists by now) the file is checked again under the lock and that
/// spill is written. Only valid rows are written; the summary audit row and the batch counts are saved in the same transaction.
/// </summary>
internal sealed partial class CommitImport(KangfuDbFactory dbFactory, ImportStorage storage, AuditLog audit, TimeProvider clock, ILogger<CommitImport> logger)
{
    /// <summary>The write appends its audit rows to the chain inside its transaction: it holds the chain's writer lock until commit.</summary>
    public Task HandleAsync(ImportJob job, UserContext user, ImportBatch batch, CancellationToken ct) =>
        audit.OnBulkChainAsync(async () =>
        {
            await RunAsync(job, user, batch, ct);
            return true;
        }, ct);

    private async Task RunAsync(ImportJob job, UserContext user, ImportBatch batch, CancellationToken ct)
    {
        var spill = storage.Spill(batch.Id);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = dbFactory.CreateDbContext();
            await using var loader = await SpillLoader.BeginAsync(db, ct);
            var manifest = attempt == 0 ? await CurrentAsync(db, loader, user, spill, ct) : null;
            if (manifest is null)
            {
                Log.Revalidating(logger, batch.Id);
                manifest = await RevalidateAsync(db, user, batch, spill, job, ct);
            }
            var merge = new MergeContext(user, clock.GetUtcNow().UtcDateTime, batch.Id, batch.FileName, PersonFields.Updatable(manifest.Present.ToHashSet()));
            MergeResult written;
            try
            {
                written = await loader.WriteAsync(spill, manifest, merge, job, ct);
            }
            catch (StaleSpillException) when (attempt == 0)
            {
                continue; // rolled back by disposing the loader; the next attempt checks the file under the lock
            }
            await FinishAsync(db, user, batch, merge, manifest, written, job, ct);
            await loader.CommitAsync(ct);
            break;
        }
        storage.DeleteUpload(batch.Id);
        job.Status = ImportStatus.Committed;
    }

    /// <summary>The validation's spill if it still holds under the lock, else null.</summary>
    private async Task<SpillManifest?> CurrentAsync(KangfuDbContext db, ISpillLoader loader, UserContext user, ImportSpill spill, CancellationToken ct)
    {
        if (spill.LoadManifest() is not { } manifest || manifest.Today != clock.Today())
        {
            return null;
        }
        if ((await AreaResolver.LoadAsync(db, user, ct)).Fingerprint != manifest.AreasFingerprint)
        {
            return null;
        }
        return manifest.Checks == 0 || await loader.VersionsHoldAsync(spill, user.DistrictCode, ct) ? manifest : null;
    }

    /// <summary>Parses and checks the file again against the locked registry, into a new spill.</summary>
    private async Task<SpillManifest> RevalidateAsync(KangfuDbContext db, UserContext user, ImportBatch batch, ImportSpill spill, ImportJob job, CancellationToken ct)
    {
        var path = storage.UploadPath(batch.Id);
        using var pipeline = ImportPipeline.Open(path, ImportFileKinds.Detect(path, batch.FileName, storage.UploadLimits));
        var context = await ImportContext.LoadAsync(db, user, clock, ct);
        job.Reset();
        var manifest = ValidationPass.Run(pipeline, context, spill, new ImportTally(), errors: null, job, ct);
        job.Reset();
        return manifest;
    }

    private async Task FinishAsync(KangfuDbContext db, UserContext user, ImportBatch batch, MergeContext merge, SpillManifest manifest,
        MergeResult written, ImportJob job, CancellationToken ct)
    {
        var unchanged = manifest.Valid - written.Inserted - written.Updated;
        var message = $"导入完成：新增{written.Inserted}人，更新{written.Updated}人，无变化{unchanged}人，跳过错误行{manifest.Invalid}行";
        db.AuditEntries.Add(audit.Create(user, AuditActions.Import, nameof(ImportBatch), batch.Id.ToString(), $"文件：{batch.FileName}；{message}"));
        await db.SaveChangesAsync(ct);
        await db.ImportBatches.Where(b => b.DistrictCode == user.DistrictCode && b.Id == batch.Id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, ImportStatus.Committed)
            .SetProperty(b => b.CompletedAt, merge.Now)
            .SetProperty(b => b.ValidRows, manifest.Valid)
            .SetProperty(b => b.ErrorRows, manifest.Invalid)
            .SetProperty(b => b.Inserted, written.Inserted)
            .SetProperty(b => b.Updated, written.Updated)
            .SetProperty(b => b.Unchanged, unchanged)
            .SetProperty(b => b.Message, message), ct);
        job.Message = message;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Import batch {BatchId}: the registry changed since validation, checking the file again")]
        public static partial void Revalidating(ILogger logger, Guid batchId);
    }
}
