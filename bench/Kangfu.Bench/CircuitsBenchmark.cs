using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Kangfu.Web.Platform.Diagnostics;
using Microsoft.Playwright;
using static Kangfu.Bench.Measure;

namespace Kangfu.Bench;

/// <summary>
/// Issue 5, item 5 — Blazor Server memory per circuit. The app (its own process, the seeded database) is opened by real
/// Chromium tabs (Playwright, /usr/bin/chromium), signed in as the community worker: N tabs on the home page (工作台 with
/// 我的待办) and then N tabs on the person list (人员名册). Each tab is one circuit; the app's <c>/diag/memory</c> probe forces
/// a full compacting GC and reports the live managed heap, the working set and the circuit count. Memory per circuit =
/// (after − before) ÷ N, before = with the warm-up tabs open. Anchor: Microsoft's published 273 KB per circuit
/// (a constant, not measured here); goal ≤ 2×.
/// </summary>
internal sealed class CircuitsBenchmark(BenchOptions options, Func<Task<SeededApp>> seeded, int? circuits) : IBenchmark
{
    private const double AnchorKb = 273;
    private const string UserName = "community";

    public string Suite => "circuits";

    public async Task RunAsync(ResultTable results)
    {
        var app = await seeded();
        var count = circuits ?? (options.Smoke ? 20 : 50);
        using var probe = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KANGFU_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        context.SetDefaultTimeout(120_000);
        await SignInAsync(await context.NewPageAsync());
        var start = await SnapshotAsync(probe);

        // Warm-up: one tab per page stays open (JIT, EF query cache, MudBlazor's static state are not per circuit).
        await OpenAsync(context, probe, "/", 1, start.Circuits);
        await OpenAsync(context, probe, "/persons", 1, start.Circuits + 1);
        var before = await SnapshotAsync(probe);
        await DumpAsync(app, probe, "before");
        var home = await OpenAsync(context, probe, "/", count, before.Circuits);
        await DumpAsync(app, probe, "home");
        var list = await OpenAsync(context, probe, "/persons", count, home.Circuits);
        await DumpAsync(app, probe, "list");
        Console.WriteLine(Invariant($"# circuits: before {Describe(before)}; +{count} home {Describe(home)}; +{count} list {Describe(list)}"));

        Add(results, "home_wode_daiban", before, home, count);
        Add(results, "person_list", home, list, count);
        await context.CloseAsync();
    }

    /// <summary>
    /// With KANGFU_BENCH_GCDUMP=folder (and dotnet-gcdump on the PATH, or KANGFU_GCDUMP=its path): a heap dump of the app
    /// after each step (before.gcdump, home.gcdump, list.gcdump), to see what the circuits hold (<c>dotnet-gcdump report</c>).
    /// </summary>
    private static async Task DumpAsync(SeededApp app, HttpClient probe, string step)
    {
        if (Environment.GetEnvironmentVariable("KANGFU_BENCH_GCDUMP") is not { Length: > 0 } folder)
        {
            return;
        }
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("KANGFU_GCDUMP") ?? "dotnet-gcdump") { UseShellExecute = false };
        foreach (var argument in new[] { "collect", "-p", app.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", Path.Combine(folder, step + ".gcdump") })
        {
            start.ArgumentList.Add(argument);
        }
        using var dump = Process.Start(start) ?? throw new InvalidOperationException("dotnet-gcdump did not start");
        await dump.WaitForExitAsync();
        Console.WriteLine(Invariant($"# circuits: after the {step} dump {Describe(await SnapshotAsync(probe))}"));
    }

    private static void Add(ResultTable results, string page, MemorySnapshot before, MemorySnapshot after, int count)
    {
        var managedKb = (after.ManagedBytes - before.ManagedBytes) / 1024.0 / count;
        var workingSetKb = (after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / count;
        var ratio = managedKb / AnchorKb;
        results.Add(Invariant($"memory_per_circuit_{page}_{count}_circuits"), Invariant($"{managedKb:F0} KB managed"), Invariant($"{AnchorKb:F0} KB (Microsoft)"),
            ratio, "<= 2.0x", ratio <= 2.0);
        results.Detail(Invariant($"after a forced full GC; working set +{workingSetKb:F0} KB per circuit; circuits {before.Circuits} -> {after.Circuits}"));
    }

    private static string Describe(MemorySnapshot s) =>
        Invariant($"{s.Circuits} circuits, managed {s.ManagedBytes / 1024.0 / 1024:F1} MB, working set {s.WorkingSetBytes / 1024.0 / 1024:F0} MB");

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/login");
        await page.Locator("#userName").FillAsync(UserName);
        await page.Locator("#password").FillAsync(SeededApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>Opens <paramref name="count"/> tabs on the page and waits until the app reports that many more connected circuits.</summary>
    private static async Task<MemorySnapshot> OpenAsync(IBrowserContext context, HttpClient probe, string path, int count, int circuitsBefore)
    {
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            if (page.Url.Contains("/login", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"circuits: {path} redirected to the login page");
            }
        }
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = await SnapshotAsync(probe);
            if (snapshot.Circuits >= circuitsBefore + count && snapshot.ConnectedCircuits >= circuitsBefore + count)
            {
                return snapshot;
            }
            if (watch.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException(Invariant($"circuits: expected {circuitsBefore + count} connected circuits on {path}, the app has {snapshot.ConnectedCircuits}"));
            }
            await Task.Delay(1000);
        }
    }

    private static async Task<MemorySnapshot> SnapshotAsync(HttpClient probe) =>
        await probe.GetFromJsonAsync<MemorySnapshot>(new Uri("/diag/memory", UriKind.Relative))
        ?? throw new InvalidOperationException("circuits: /diag/memory returned nothing");
}
