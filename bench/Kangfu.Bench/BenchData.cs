using System.Globalization;
using System.Text;
using Kangfu.Web.Modules.Registry.DemoData;
using Kangfu.Web.Modules.Registry.Import;
using MiniExcelLibs;

namespace Kangfu.Bench;

/// <summary>The benchmark input: demo persons written as an unmasked registry file (.xlsx and UTF-8 .csv) with the import column map.</summary>
internal sealed record BenchData(string XlsxPath, string CsvPath, int Rows, int Columns)
{
    public static BenchData Create(string folder, IReadOnlyList<string> communities, IReadOnlyDictionary<string, string> areaNames, int rows)
    {
        var now = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        var persons = DemoPersonGenerator.Generate("120116", communities, rows, seed: 20261123, DateOnly.FromDateTime(now), now).ToList();
        var context = new ExportContext(Masked: false, areaNames);
        var columns = PersonColumns.Exported(masked: false).ToList();
        var xlsx = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"persons-{rows}.xlsx"));
        var csv = Path.ChangeExtension(xlsx, ".csv");
        MiniExcel.SaveAs(xlsx, persons.Select(p => columns.ToDictionary(c => c.Header, c => (object?)c.Write(p, context))), overwriteFile: true);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', columns.Select(c => c.Header)));
        foreach (var person in persons)
        {
            text.AppendLine(string.Join(',', columns.Select(c => Quote(c.Write(person, context)))));
        }
        File.WriteAllText(csv, text.ToString(), new UTF8Encoding(false));
        return new BenchData(xlsx, csv, rows, columns.Count);
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
