using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>The error file of one of the user's batches (original columns of the bad rows + 错误说明).</summary>
public sealed class DownloadErrorFile(KangfuDbFactory dbFactory, ImportStorage storage)
{
    public async Task<(string Path, string FileName)> HandleAsync(UserContext user, Guid batchId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var batch = await ImportBatches.FindOwnAsync(db, user, batchId, ct);
        var path = storage.ErrorFilePath(batchId);
        if (!File.Exists(path))
        {
            throw new DomainException(batch.Status == ImportStatus.Validating ? "文件还在检查中，请稍后再下载错误文件。" : "该批次没有错误行，没有错误文件。");
        }
        return (path, Path.GetFileNameWithoutExtension(batch.FileName) + "_错误.xlsx");
    }
}
