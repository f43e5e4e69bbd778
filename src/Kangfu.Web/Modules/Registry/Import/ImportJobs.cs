using System.Collections.Concurrent;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>A validation or commit running in the background: its progress (rows processed / total) and its outcome.</summary>
public sealed class ImportJob(Guid batchId, ImportStatus status, int total)
{
    private int processed;

    public Guid BatchId { get; } = batchId;
    public ImportStatus Status { get; internal set; } = status;
    public int Total { get; } = total;
    public int Processed => Volatile.Read(ref processed);
    public ImportSummary? Summary { get; internal set; }
    public string? Message { get; internal set; }
    public Task Completion { get; internal set; } = Task.CompletedTask;

    internal void Advance() => Interlocked.Increment(ref processed);

    internal void Advance(int rows) => Interlocked.Add(ref processed, rows);

    internal void Reset() => Volatile.Write(ref processed, 0);
}

/// <summary>
/// The background imports of this server, by batch id: a page or API client polls them and can come back later.
/// The batch row in the database keeps the outcome across restarts.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger)
{
    private const int KeptFinishedJobs = 200;
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    public ImportJob? Find(Guid batchId) => jobs.GetValueOrDefault(batchId);

    internal ImportJob Run(Guid batchId, ImportStatus status, int total, UserContext user,
        Func<IServiceProvider, ImportJob, CancellationToken, Task> work)
    {
        var job = new ImportJob(batchId, status, total);
        if (jobs.TryGetValue(batchId, out var running) && !running.Completion.IsCompleted)
        {
            throw new DomainException("该批次正在处理中，请稍候。");
        }
        ForgetFinished();
        jobs[batchId] = job;
        job.Completion = Task.Run(() => ExecuteAsync(job, user, work));
        return job;
    }

    /// <summary>Finished jobs are only a cache: their outcome is in the batch row and the batch folder.</summary>
    private void ForgetFinished()
    {
        foreach (var id in jobs.Where(j => j.Value.Completion.IsCompleted).Select(j => j.Key).Order().SkipLast(KeptFinishedJobs).ToList())
        {
            jobs.TryRemove(id, out _);
        }
    }

    private async Task ExecuteAsync(ImportJob job, UserContext user, Func<IServiceProvider, ImportJob, CancellationToken, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Impersonate(user);
        try
        {
            await work(scope.ServiceProvider, job, lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import batch {BatchId} failed while {Status}", job.BatchId, job.Status);
            var reason = ex is DomainException ? ex.Message : "系统内部错误，请稍后重试或联系管理员。";
            job.Message = (job.Status == ImportStatus.Committing ? "导入失败，没有写入任何数据：" : "文件检查失败：") + reason;
            job.Status = ImportStatus.Failed;
            await MarkFailedAsync(scope.ServiceProvider, user, job);
        }
    }

    private async Task MarkFailedAsync(IServiceProvider services, UserContext user, ImportJob job)
    {
        try
        {
            await using var db = services.GetRequiredService<KangfuDbFactory>().CreateDbContext();
            await db.ImportBatches.Where(b => b.DistrictCode == user.DistrictCode && b.Id == job.BatchId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ImportStatus.Failed).SetProperty(b => b.Message, job.Message), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not mark import batch {BatchId} as failed", job.BatchId);
        }
    }
}
