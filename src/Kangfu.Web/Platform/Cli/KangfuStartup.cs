using System.Globalization;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kangfu.Web.Platform.Cli;

/// <summary>Migrates the database on start; with --demo also loads the demo district and prints the URL and logins.</summary>
public static class KangfuStartup
{
    public static async Task PrepareAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = scope.ServiceProvider.GetRequiredService<KangfuDbFactory>().CreateDbContext())
        {
            await DataSetup.MigrateAsync(db);
        }
        if (!args.Contains("--demo"))
        {
            return;
        }
        var persons = int.Parse(KangfuCommands.Option(args, "--persons") ?? "20000", CultureInfo.InvariantCulture);
        Console.WriteLine($"正在准备演示区县 天津市滨海新区（{persons:N0} 名人员，首次约需半分钟）…");
        var logins = await scope.ServiceProvider.GetRequiredService<DemoDistrict>().EnsureAsync(persons);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, logins));
    }

    private static void PrintBanner(WebApplication app, IReadOnlyList<DemoLogin> logins)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("==================== 康复服务管理平台（演示） ====================");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  打开: {address}");
        }
        Console.WriteLine($"  演示账号（密码均为 {DemoDistrict.Password}）：");
        foreach (var login in logins)
        {
            Console.WriteLine($"    {login.UserName,-12} {login.Role}（{login.Scope}）"
                + (login.TotpSecret is { } secret ? $"  动态口令密钥 {secret}" : ""));
        }
        Console.WriteLine("  管理员账号（系统/安全/审计）登录还需 6 位动态口令：把上面的密钥加入身份验证器应用（TOTP，30 秒，6 位），");
        Console.WriteLine("  或运行 `oathtool --totp -b 密钥` 得到当前口令。");
        Console.WriteLine("  按 Ctrl+C 停止。");
        Console.WriteLine("==================================================================");
    }
}
