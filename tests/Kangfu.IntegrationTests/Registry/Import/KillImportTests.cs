using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>
/// All-or-nothing import: a child process (the app's import-persons verb) imports a file and is killed with SIGKILL at a
/// random point of the commit; afterwards the file's rows are all there or none is. Then the same file imports completely.
/// </summary>
public abstract class KillImportTests(KangfuApp app)
{
    private const int Rows = 2000;
    private const int Kills = 10;

    [Fact]
    public async Task Kill_9_during_import_leaves_zero_or_all_rows_and_a_rerun_completes()
    {
        var outcomes = new List<int>();
        var (file, marker) = WriteFile("full");
        var commitTime = await RunAsync(file, killAfter: null);
        Assert.Equal(Rows, await CountAsync(marker));

        for (var run = 0; run < Kills; run++)
        {
            (file, marker) = WriteFile("kill" + run.ToString(CultureInfo.InvariantCulture));
            // Uniform over the commit as the uninterrupted run measured it (from "committing" to the end of the process).
            var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(50, commitTime.TotalMilliseconds)));
            await RunAsync(file, delay);
            outcomes.Add(await CountAsync(marker));
            File.Delete(file);
        }

        var partial = outcomes.Count(c => c is not 0 and not Rows);
        Console.WriteLine($"[figure] {app.Provider} kill -9 imports: {Kills} runs of {Rows} rows (commit {commitTime.TotalMilliseconds:F0} ms), none {outcomes.Count(c => c == 0)}, all {outcomes.Count(c => c == Rows)}, partial {partial}");
        Assert.Equal(0, partial);
        (file, marker) = WriteFile("rerun");
        await RunAsync(file, killAfter: null);
        Assert.Equal(Rows, await CountAsync(marker));
    }

    private async Task<int> CountAsync(string marker) =>
        await app.WithDbAsync(db => db.Persons.CountAsync(p => p.Address!.StartsWith(marker)));

    private static (string File, string Marker) WriteFile(string run)
    {
        var marker = $"断电测试{run}-{Guid.NewGuid():N}"[..30];
        var rows = Enumerable.Range(0, Rows).Select(i =>
        {
            var row = RegistryFiles.ValidRow();
            row["详细地址"] = $"{marker}-{i}";
            return row;
        }).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"kangfu-kill-{run}-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(file, RegistryFiles.Csv(rows, new UTF8Encoding(false)));
        return (file, marker);
    }

    /// <summary>
    /// Runs the import in a child process; with <paramref name="killAfter"/>, kills it that long after the commit starts.
    /// Returns the time from the start of the commit to the end of the process.
    /// </summary>
    private async Task<TimeSpan> RunAsync(string file, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Kangfu.Web.dll"), "import-persons", file, "--district", KangfuApp.District })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = app.Provider.ToString();
        start.Environment["Database__ConnectionString"] = app.ConnectionString;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        string? line;
        var output = new StringBuilder();
        var commit = new Stopwatch();
        while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
        {
            output.AppendLine(line);
            if (line == "committing")
            {
                commit.Start();
            }
            if (line == "committing" && killAfter is { } delay)
            {
                await Task.Delay(delay, timeout.Token);
                process.Kill(); // SIGKILL on Linux
                break;
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        if (killAfter is null)
        {
            Assert.True(process.ExitCode == 0 && output.ToString().Contains("import Committed", StringComparison.Ordinal), output + await errors);
        }
        return commit.Elapsed;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KillImportTestsSqlite(SqliteApp app) : KillImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class KillImportTestsPostgres(PostgresApp app) : KillImportTests(app);
