namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>What validation found: counts, the new/changed/unchanged split against the registry, the first errors, warnings.</summary>
public sealed record ImportSummary(
    int TotalRows, int ValidRows, int ErrorRows, int New, int Changed, int Unchanged,
    int ErrorCount, IReadOnlyList<CellError> Errors, IReadOnlyList<string> Warnings);

/// <summary>Counts rows as they are checked and keeps the first errors for display.</summary>
internal sealed class ImportTally
{
    public const int ShownErrors = 500;
    private readonly List<CellError> errors = [];

    public int Total { get; private set; }
    public int Valid { get; private set; }
    public int Invalid { get; private set; }
    public int New { get; private set; }
    public int Changed { get; private set; }
    public int Unchanged { get; private set; }
    public int ErrorCount { get; private set; }

    public void Add(ValidatedRow row)
    {
        Total++;
        switch (row.Change)
        {
            case RowChange.New: New++; Valid++; break;
            case RowChange.Changed: Changed++; Valid++; break;
            case RowChange.Unchanged: Unchanged++; Valid++; break;
            default: Invalid++; break;
        }
        ErrorCount += row.Errors.Count;
        errors.AddRange(row.Errors.Take(ShownErrors - errors.Count));
    }

    public ImportSummary ToSummary(IReadOnlyList<string> unknownHeaders) => new(
        Total, Valid, Invalid, New, Changed, Unchanged, ErrorCount, errors,
        unknownHeaders.Count == 0 ? [] : [$"以下列不是名册的列，已忽略：{string.Join("、", unknownHeaders)}"]);
}
