using System.Globalization;

namespace Kangfu.Web.Modules.Registry.Import.Sheets;

/// <summary>One row of a sheet: its number as the user sees it in Excel (1-based) and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int index] => index < Cells.Count ? Cells[index] : "";

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>Turns a cell value of any reader into the text the user typed.</summary>
internal static class CellText
{
    public static string Of(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        double d => Number(d),
        float f => Number(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Whole numbers without a decimal point or exponent: a phone number typed as a number stays 13812345678.</summary>
    private static string Number(double d) => d == Math.Floor(d) && Math.Abs(d) < 1e21
        ? d.ToString("0", CultureInfo.InvariantCulture)
        : d.ToString("R", CultureInfo.InvariantCulture);
}
