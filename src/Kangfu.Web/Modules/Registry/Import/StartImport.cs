using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Registry.Import;

public sealed record ImportStarted(Guid BatchId, string FileName, ImportStatus Status, int TotalRows, IReadOnlyList<string> Warnings);

/// <summary>
/// Receives a registry file: stores it, recognises it by content, checks its header and that it has data (a bad file is
/// refused here with a Chinese message and leaves nothing behind), records the batch and starts validation in the background.
/// </summary>
public sealed class StartImport(KangfuDbFactory dbFactory, ImportStorage storage, ImportJobs jobs, TimeProvider clock)
{
    /// <summary>Uploaded files and error files are kept this long, then deleted when the next file is uploaded.</summary>
    public const int RetentionDays = 7;

    public async Task<ImportStarted> HandleAsync(UserContext user, Stream content, string? fileName, CancellationToken ct = default)
    {
        user.Demand(Permission.PersonImport);
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            throw new DomainException("文件名不能为空，也不能超过200个字符。");
        }
        storage.PurgeOlderThan(clock.GetUtcNow().UtcDateTime.AddDays(-RetentionDays));
        var batchId = Guid.CreateVersion7();
        int total;
        HeaderMap map;
        try
        {
            var sha = await storage.SaveUploadAsync(batchId, content, ct);
            var kind = ImportFileKinds.Detect(storage.UploadPath(batchId), name, storage.UploadLimits);
            map = ImportPipeline.Probe(storage.UploadPath(batchId), kind);
            total = Math.Max(1, SheetReader.CountRows(storage.UploadPath(batchId), kind) - map.Header.Number);
            await CreateBatchAsync(user, batchId, name, sha, ct);
        }
        catch
        {
            storage.Delete(batchId);
            throw;
        }
        jobs.Run(batchId, ImportStatus.Validating, total, user,
            (services, job, token) => services.GetRequiredService<ValidateImport>().HandleAsync(job, user, name, token));
        return new ImportStarted(batchId, name, ImportStatus.Validating, total, map.UnknownHeaders.Count == 0 ? [] : [$"以下列不是名册的列，将被忽略：{string.Join("、", map.UnknownHeaders)}"]);
    }

    private async Task CreateBatchAsync(UserContext user, Guid batchId, string name, string sha, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        db.ImportBatches.Add(new ImportBatch
        {
            DistrictCode = user.DistrictCode,
            Id = batchId,
            FileName = name,
            FileSha256 = sha,
            UserId = user.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = ImportStatus.Validating,
        });
        await db.SaveChangesAsync(ct);
    }
}
