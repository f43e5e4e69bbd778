using System.Globalization;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit.PurgeAudit;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Platform.Cli;

/// <summary><c>purge-audit [--archive DIR] [--dry-run]</c>: removes audit rows past their retention, or lists what would go.</summary>
internal static class PurgeAuditCommand
{
    public static async Task RunAsync(IServiceProvider services, string? archive, bool dryRun)
    {
        var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var result = await services.GetRequiredService<PurgeExpiredAudit>().HandleAsync(dryRun, archive, "purge-audit 命令");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"保存期限：普通记录 {security.AuditRetentionDays} 天，敏感访问记录 {security.SensitiveAuditRetentionDays} 天。"));
        foreach (var run in result.Runs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  区县 {run.DistrictCode}，第 {run.Chain} 链，序号 {run.First} 至 {run.Last}：{run.Count} 行（普通 {run.Ordinary}，敏感 {run.Sensitive}）"));
        }
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{result.Removed} 行（普通 {result.Ordinary}，敏感 {result.Sensitive}），{result.Runs.Count} 个签名检查点");
        Console.WriteLine(dryRun ? $"演练：将删除 {summary}；未删除任何记录。"
            : result.Removed == 0 ? "没有超过保存期限的审计记录。"
            : $"已删除 {summary}。" + (result.ArchiveFile is { } file ? $"归档文件：{file}" : ""));
    }
}
