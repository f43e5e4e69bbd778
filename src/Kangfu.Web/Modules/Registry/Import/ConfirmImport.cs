using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>The user's confirmation of a validated batch: starts writing its valid rows in the background (once only).</summary>
public sealed class ConfirmImport(KangfuDbFactory dbFactory, ImportStorage storage, ImportJobs jobs)
{
    public async Task<ImportStatus> HandleAsync(UserContext user, Guid batchId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var batch = await ImportBatches.FindOwnAsync(db, user, batchId, ct);
        if (batch.Status != ImportStatus.Validated)
        {
            throw new DomainException(batch.Status switch
            {
                ImportStatus.Validating => "文件还在检查中，请等检查完成后再确认导入。",
                ImportStatus.Committing => "该批次正在导入中。",
                ImportStatus.Committed => "该批次已经导入过了。",
                _ => "该批次不能导入，请重新上传文件。",
            });
        }
        if (batch.ValidRows == 0)
        {
            throw new DomainException("没有可导入的有效行，请修改错误后重新上传。");
        }
        if (!File.Exists(storage.UploadPath(batchId)))
        {
            throw new DomainException("上传的文件已不在服务器上，请重新上传。");
        }
        // Only one confirmation wins: the status moves from Validated to Committing atomically.
        var claimed = await db.Own(user).Where(b => b.Id == batchId && b.Status == ImportStatus.Validated)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ImportStatus.Committing), ct);
        if (claimed == 0)
        {
            throw new DomainException("该批次正在导入中。");
        }
        jobs.Run(batchId, ImportStatus.Committing, Math.Max(1, batch.TotalRows), user,
            (services, job, token) => services.GetRequiredService<CommitImport>().HandleAsync(job, user, batch, token));
        return ImportStatus.Committing;
    }
}
