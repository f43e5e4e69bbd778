using System.Globalization;

namespace Kangfu.Bench;

/// <summary>Alternates anchor and subject runs, discards the warm-up, checks row counts, and reports medians.</summary>
internal static class Measure
{
    public static async Task RunAsync(List<string> results, string database, ImportRunner subject, BenchData data, int runs, double goalSeconds,
        Func<Task<TimeSpan>> anchor, Func<Task<long>> anchorCount)
    {
        foreach (var (format, path) in new[] { ("xlsx", data.XlsxPath), ("csv", data.CsvPath) })
        {
            var subjectTimes = new List<double>();
            var anchorTimes = new List<double>();
            var phases = new List<(double Validate, double Commit)>();
            for (var run = 0; run <= runs; run++)
            {
                var anchorTime = await anchor();
                await subject.ResetAsync();
                var (validate, commit, status) = await subject.ImportAsync(path);
                if (run == 0)
                {
                    await VerifyAsync(subject, data, status, await anchorCount());
                    continue; // warm-up
                }
                anchorTimes.Add(anchorTime.TotalSeconds);
                subjectTimes.Add((validate + commit).TotalSeconds);
                phases.Add((validate.TotalSeconds, commit.TotalSeconds));
                Console.WriteLine(Invariant($"# {database} {format} run {run}: anchor {anchorTime.TotalSeconds:F3} s, import {(validate + commit).TotalSeconds:F3} s (validate {validate.TotalSeconds:F3} s + commit {commit.TotalSeconds:F3} s)"));
            }
            var s = Median(subjectTimes);
            var a = Median(anchorTimes);
            results.Add(Invariant($"import_{format}_{database}_{data.Rows}_rows, {s:F2} s, {a:F2} s, {s / a:F1}x, <= {goalSeconds:F0} s, {(s <= goalSeconds ? "PASS" : "FAIL")}"));
            results.Add(Invariant($"  (median validate {Median(phases.Select(p => p.Validate)):F2} s, commit {Median(phases.Select(p => p.Commit)):F2} s; {data.Rows / s:N0} rows/s)"));
        }
    }

    private static async Task VerifyAsync(ImportRunner subject, BenchData data, Web.Modules.Registry.Import.ImportStatusView status, long anchorRows)
    {
        var persons = await subject.CountPersonsAsync();
        if (status.Inserted != data.Rows || persons != data.Rows || anchorRows != data.Rows || status.Summary?.ErrorRows != 0)
        {
            throw new InvalidOperationException(Invariant(
                $"row counts differ: file {data.Rows}, inserted {status.Inserted}, stored {persons}, anchor {anchorRows}, errors {status.Summary?.ErrorRows} ({status.Message}; first: {(status.Summary is { Errors.Count: > 0 } s ? s.Errors[0] : null)})"));
        }
        Console.WriteLine(Invariant($"# {subject.Provider}: verified {data.Rows:N0} rows in the file, {persons:N0} persons stored, {anchorRows:N0} rows in the anchor table"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
