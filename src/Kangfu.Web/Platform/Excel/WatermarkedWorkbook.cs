using System.IO.Compression;
using System.Security;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Kangfu.Web.Platform.Excel;

/// <summary>
/// Writes an .xlsx export: the data sheet (texts neutralised against formula injection), a hidden sheet with the
/// export stamp, and the stamp as the printed page footer of the data sheet.
/// </summary>
public static class WatermarkedWorkbook
{
    private const string DataSheet = "Sheet1";

    public static async Task SaveAsync(Stream stream, string sheetName, object rows, ExportStamp stamp, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            [DataSheet] = rows,
            [ExportStamp.SheetName] = stamp.Rows(),
        };
        var config = new OpenXmlConfiguration
        {
            DynamicSheets =
            [
                new DynamicExcelSheet(DataSheet) { Name = sheetName },
                new DynamicExcelSheet(ExportStamp.SheetName) { Name = ExportStamp.SheetName, State = SheetState.Hidden },
            ],
        };
        await stream.SaveAsAsync(sheets, configuration: config, cancellationToken: ct);
        AddFooter(stream, stamp);
    }

    /// <summary>Adds &lt;headerFooter&gt; to the first worksheet (it comes last among the parts MiniExcel writes).</summary>
    private static void AddFooter(Stream stream, ExportStamp stamp)
    {
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml");
        if (entry is null)
        {
            return;
        }
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }
        var close = xml.LastIndexOf("</x:worksheet>", StringComparison.Ordinal) is var x and >= 0 ? x : xml.LastIndexOf("</worksheet>", StringComparison.Ordinal);
        if (close < 0)
        {
            return;
        }
        var prefix = xml.AsSpan(close + 2).StartsWith("x:") ? "x:" : "";
        var text = SecurityElement.Escape("&L" + stamp.Line.Replace("&", "&&", StringComparison.Ordinal));
        var footer = $"<{prefix}headerFooter><{prefix}oddHeader>{text}</{prefix}oddHeader><{prefix}oddFooter>{text}</{prefix}oddFooter></{prefix}headerFooter>";
        entry.Delete();
        var replaced = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        using var writer = new StreamWriter(replaced.Open());
        writer.Write(xml.AsSpan(0, close));
        writer.Write(footer);
        writer.Write(xml.AsSpan(close));
    }
}
