using Kangfu.Web.Modules.Access;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Audit.PurgeAudit;

/// <summary>
/// The daily purge (<see cref="SecurityOptions.AuditPurgeEnabled"/>, off by default): a first run a few minutes after start,
/// then every 24 hours on the injected clock. Several instances may all run it: purges are serialised and the later one
/// finds nothing left. A failed run is logged and tried again the next day (it removed nothing).
/// </summary>
internal sealed partial class AuditPurgeSchedule(IServiceScopeFactory scopes, IOptions<SecurityOptions> options, TimeProvider clock,
    ILogger<AuditPurgeSchedule> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AuditPurgeEnabled)
        {
            return;
        }
        await Task.Delay(FirstRunDelay, clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var archive = options.Value.AuditPurgeArchiveDirectory;
            var result = await scope.ServiceProvider.GetRequiredService<PurgeExpiredAudit>()
                .HandleAsync(dryRun: false, string.IsNullOrWhiteSpace(archive) ? null : archive, "每日后台任务", ct);
            Log.Purged(logger, result.Removed, result.Ordinary, result.Sensitive, result.Runs.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Failed(logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Audit purge: {Removed} rows removed ({Ordinary} ordinary, {Sensitive} sensitive), {Checkpoints} checkpoints")]
        public static partial void Purged(ILogger logger, long removed, long ordinary, long sensitive, int checkpoints);

        [LoggerMessage(Level = LogLevel.Error, Message = "Audit purge failed; nothing was removed, the next run is in a day")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
