namespace Kangfu.Bench;

/// <summary>Command-line options shared by every benchmark.</summary>
internal sealed record BenchOptions(bool Smoke, int? Rows, int? Runs, string AdminConnection, string Folder)
{
    public int RowsOr(int smoke, int full) => Rows ?? (Smoke ? smoke : full);

    public int RunsOr(int smoke, int full) => Runs ?? (Smoke ? smoke : full);
}

/// <summary>
/// One benchmark of the suite. Each one first verifies that the subject and the anchor produce the same result
/// (row counts, checksums, the same persons found), then times them with <see cref="Measure.AlternateAsync"/>
/// and adds its lines to the shared <see cref="ResultTable"/>.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The name used with <c>--suite</c>.</summary>
    string Suite { get; }

    Task RunAsync(ResultTable results);
}
