using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// The background check of an uploaded file: every row validated (streaming), compared with the registry by ID number,
/// bad rows spooled to the error file, valid rows spilled in their stored form for the commit (<see cref="ImportSpill"/>).
/// Writes nothing to the registry.
/// </summary>
internal sealed class ValidateImport(KangfuDbFactory dbFactory, ImportStorage storage, TimeProvider clock)
{
    public async Task HandleAsync(ImportJob job, UserContext user, string fileName, CancellationToken ct)
    {
        var id = job.BatchId;
        var path = storage.UploadPath(id);
        ImportContext context;
        await using (var db = dbFactory.CreateDbContext())
        {
            context = await ImportContext.LoadAsync(db, user, clock, ct);
        }
        using var pipeline = ImportPipeline.Open(path, ImportFileKinds.Detect(path, fileName, storage.UploadLimits));
        var tally = new ImportTally();
        using (var errors = new ErrorFileWriter(storage.ErrorRowsPath(id)))
        {
            ValidationPass.Run(pipeline, context, storage.Spill(id), tally, errors, job, ct);
            await errors.SaveAsync(storage.ErrorFilePath(id), pipeline.Map.Header, Export.ExportStamps.For(user, clock), ct);
        }
        var summary = tally.ToSummary(pipeline.Map.UnknownHeaders);
        storage.SaveSummary(id, summary);
        await SaveAsync(user, id, summary, ct);
        job.Summary = summary;
        job.Status = ImportStatus.Validated;
    }

    private async Task SaveAsync(UserContext user, Guid id, ImportSummary summary, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        await db.ImportBatches.Where(b => b.DistrictCode == user.DistrictCode && b.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, ImportStatus.Validated)
            .SetProperty(b => b.TotalRows, summary.TotalRows)
            .SetProperty(b => b.ValidRows, summary.ValidRows)
            .SetProperty(b => b.ErrorRows, summary.ErrorRows)
            .SetProperty(b => b.Message, $"检查完成：有效{summary.ValidRows}行（新增{summary.New}、更新{summary.Changed}、无变化{summary.Unchanged}），错误{summary.ErrorRows}行"), ct);
    }
}
