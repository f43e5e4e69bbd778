using System.Text.RegularExpressions;
using ExcelDataReader;
using Kangfu.Web.Modules.Registry.Import.Sheets;

namespace Kangfu.Web.Modules.Catalog.Devices;

/// <summary>One product read from a function sheet, before duplicate codes are resolved.</summary>
public sealed record DeviceRow(string Code, string Name, string SubClass, string Division, string Tag);

/// <summary>What the workbook held: products per function sheet and the master list's class names and row count.</summary>
public sealed record DeviceWorkbook(IReadOnlyList<DeviceRow> Rows, IReadOnlyDictionary<string, string> ClassNames, int MasterProducts, int FunctionSheets, int MissingCodes);

/// <summary>
/// Streams the 2017 assistive-device catalog .xls (national-specs §4.9) with ExcelDataReader. The master sheet
/// 基础目录 gives the 12 class names (side lookup) and its product count; the 18 function sheets give each product's
/// 9-digit code, name, sub-class, division and function tag (taken from the sheet's seed line, column G).
/// </summary>
public static partial class DeviceCatalogReader
{
    public static DeviceWorkbook Read(Stream stream)
    {
        TextEncodings.EnsureRegistered();
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<DeviceRow>();
        int master = 0, sheets = 0, missing = 0;
        do
        {
            var cells = ReadSheet(reader);
            if (reader.Name == "基础目录")
            {
                master = ReadMaster(cells, classes);
            }
            else
            {
                sheets++;
                missing += ReadFunctionSheet(cells, reader.Name, rows);
            }
        }
        while (reader.NextResult());
        return new DeviceWorkbook(rows, classes, master, sheets, missing);
    }

    private static List<string[]> ReadSheet(IExcelDataReader reader)
    {
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var cells = new string[Math.Max(reader.FieldCount, 7)];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < reader.FieldCount ? Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "" : "";
            }
            rows.Add(cells);
        }
        return rows;
    }

    private static int ReadMaster(List<string[]> cells, Dictionary<string, string> classes)
    {
        foreach (var row in cells.Skip(2))
        {
            if (ClassPattern().Match(row[6]) is { Success: true } m)
            {
                classes[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            }
        }
        return cells.Skip(2).Count(r => int.TryParse(r[4], out _));
    }

    private static int ReadFunctionSheet(List<string[]> cells, string sheetName, List<DeviceRow> rows)
    {
        var subClass = "";
        var missing = 0;
        foreach (var row in cells.Skip(2))
        {
            subClass = row[0].Length > 0 ? row[0] : subClass;
            if (row[2].Length == 0)
            {
                continue;
            }
            var code = row[5];
            if (!ProductCode().IsMatch(code))
            {
                missing++;
                code = "1" + Digits(row[1]).PadRight(6, '0')[..6] + (row[4].Length > 0 ? row[4].PadLeft(2, '0') : "00");
            }
            var tag = SeedTag().Match(row[6]) is { Success: true } m ? m.Groups[1].Value : LeadingDigits().Replace(sheetName, "");
            rows.Add(new DeviceRow(code, Clean(row[2]), StripCode(subClass), StripCode(row[1]), tag));
        }
        return missing;
    }

    public static string Clean(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();

    public static string StripCode(string text) => LeadingDigits().Replace(Clean(text), "").Trim();

    private static string Digits(string text) => new(text.TakeWhile(c => char.IsDigit(c) || c == ' ').Where(char.IsDigit).ToArray());

    [GeneratedRegex(@"^(\d{2})\s*(\S.*)$")]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^1\d{8}$")]
    private static partial Regex ProductCode();

    [GeneratedRegex(@",""([^""]+)""\)\s*,?\s*$")]
    private static partial Regex SeedTag();

    [GeneratedRegex(@"^[\d\s]+")]
    private static partial Regex LeadingDigits();
}
