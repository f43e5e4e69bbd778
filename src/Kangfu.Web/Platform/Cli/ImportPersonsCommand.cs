using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Import;

namespace Kangfu.Web.Platform.Cli;

/// <summary>
/// <c>import-persons FILE [--district 120116]</c>: the registry import (validate, then commit in one transaction) run by
/// a district administrator from the command line. Prints "committing" when the write starts (the kill -9 test waits for it).
/// </summary>
internal static class ImportPersonsCommand
{
    public static async Task RunAsync(IServiceProvider services, string file, string district)
    {
        var user = new UserContext("cli", "cli", "命令行导入", district, null, null, [Roles.DistrictAdmin], null);
        var jobs = services.GetRequiredService<ImportJobs>();
        ImportStarted started;
        await using (var stream = File.OpenRead(file))
        {
            started = await services.GetRequiredService<StartImport>().HandleAsync(user, stream, Path.GetFileName(file));
        }
        await jobs.Find(started.BatchId)!.Completion;
        var validated = jobs.Find(started.BatchId)!;
        Console.WriteLine($"validated {validated.Summary?.ValidRows} valid, {validated.Summary?.ErrorRows} with errors");
        Console.WriteLine("committing");
        await services.GetRequiredService<ConfirmImport>().HandleAsync(user, started.BatchId);
        var job = jobs.Find(started.BatchId)!;
        await job.Completion;
        Console.WriteLine($"import {job.Status}: {job.Message}");
    }
}
