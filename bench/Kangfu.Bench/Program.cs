using System.Globalization;
using Kangfu.Bench;

// Kangfu benchmark suite. Every result is a ratio against an anchor measured in the same run on the same machine
// (anchor and subject alternate, the first pair is a discarded warm-up, medians / percentiles are reported).
//   dotnet run -c Release --project bench/Kangfu.Bench -- [--suite import,search,api,pages,isolation,circuits] [--smoke] [--rows N] [--runs N]
//     [--isolation-persons N (large size; default 10,000,000, smoke 1,000,000)] [--circuits N (default 50, smoke 20)] [--strict]
// Exit code: 1 when a benchmark errors or its subject and anchor disagree; FAIL verdicts exit 0 unless --strict.
// KANGFU_BENCH_PG (default: KANGFU_TEST_PG, else Host=127.0.0.1;Username=kangfu;Password=kangfu;Database=postgres) is the admin connection.
var smoke = args.Contains("--smoke");
var strict = args.Contains("--strict");
var suites = (Text("--suite") ?? "import,search,api,pages,isolation,circuits").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var admin = Environment.GetEnvironmentVariable("KANGFU_BENCH_PG") ?? Environment.GetEnvironmentVariable("KANGFU_TEST_PG")
    ?? "Host=127.0.0.1;Username=kangfu;Password=kangfu;Database=postgres";
var folder = Directory.CreateTempSubdirectory("kangfu-bench-").FullName;
var options = new BenchOptions(smoke, Number("--rows"), Number("--runs"), admin, folder);
Console.WriteLine(FormattableString.Invariant(
    $"# Kangfu benchmark suite: {string.Join(',', suites)}{(smoke ? " (smoke)" : "")}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC"));

SeededApp? app = null;
async Task<SeededApp> Seeded() => app ??= await SeededApp.StartAsync(options, options.RowsOr(20_000, 1_000_000));
IBenchmark[] all = [new ImportBenchmark(options), new SearchBenchmark(options, Seeded), new ApiWriteBenchmark(options, Seeded), new PagesBenchmark(options, Seeded),
    new IsolationBenchmark(options, Number("--isolation-persons")), new CircuitsBenchmark(options, Seeded, Number("--circuits"))];
var unknown = suites.Except(all.Select(b => b.Suite)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown suite(s): {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(b => b.Suite))}");
    return 2;
}
var results = new ResultTable();
try
{
    foreach (var benchmark in all.Where(b => suites.Contains(b.Suite)))
    {
        try
        {
            await benchmark.RunAsync(results);
        }
#pragma warning disable CA1031 // one suite's failure (any exception) is reported as an ERROR line; the other suites still run
        catch (Exception error)
#pragma warning restore CA1031
        {
            results.Error(benchmark.Suite, error);
        }
    }
}
finally
{
    if (app is not null)
    {
        await app.DisposeAsync();
    }
    Directory.Delete(folder, recursive: true);
}
results.Print();
if (results.Failed && !results.Errors)
{
    Console.WriteLine(strict ? "# FAIL lines above: exit 1 (--strict)" : "# FAIL lines above are findings, not errors: exit 0 (use --strict to fail on them)");
}
return results.Errors || (strict && results.Failed) ? 1 : 0;

string? Text(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int? Number(string name) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
