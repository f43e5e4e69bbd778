using System.Globalization;

namespace Kangfu.Bench;

/// <summary>The samples of one side (anchor or subject): one list of values per measured run (a duration, or many latencies).</summary>
internal sealed class Samples
{
    public List<IReadOnlyList<double>> Runs { get; } = [];

    /// <summary>The median over the runs of each run's own median (for a run with one value: that value).</summary>
    public double Median => Measure.Median(Runs.Select(r => Measure.Median(r)));

    /// <summary>The p50 / p99 over every value of every measured run.</summary>
    public double Percentile(double p) => Measure.Percentile(Runs.SelectMany(r => r), p);
}

/// <summary>
/// Runs anchor and subject alternately (anchor, subject, anchor, subject, …) so both see the same machine state;
/// the first pair is the warm-up and is discarded; statistics are medians (and percentiles for latencies).
/// </summary>
internal static class Measure
{
    public static async Task<(Samples Anchor, Samples Subject)> AlternateAsync(string label, int runs,
        Func<Task<IReadOnlyList<double>>> anchor, Func<Task<IReadOnlyList<double>>> subject, string unit = "s")
    {
        var anchorSamples = new Samples();
        var subjectSamples = new Samples();
        for (var run = 0; run <= runs; run++)
        {
            var a = await anchor();
            var s = await subject();
            if (run == 0)
            {
                continue; // warm-up: JIT, caches, connection pools
            }
            anchorSamples.Runs.Add(a);
            subjectSamples.Runs.Add(s);
            Console.WriteLine(Invariant($"# {label} run {run}: anchor {Median(a):F3} {unit}, subject {Median(s):F3} {unit}"));
        }
        return (anchorSamples, subjectSamples);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Nearest-rank percentile (p in 0..100).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
