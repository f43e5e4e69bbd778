using System.Text.Json;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform.Excel;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// The downloadable error file: the bad rows with their original columns plus 错误说明 naming every problem and its column.
/// Rows are spooled to disk while the file is read, then written as .xlsx in one streaming pass.
/// </summary>
internal sealed class ErrorFileWriter(string spoolPath) : IDisposable
{
    private readonly StreamWriter spool = new(spoolPath);

    public int Count { get; private set; }

    public void Add(SheetRow row, IReadOnlyList<CellError> errors)
    {
        var note = $"第{row.Number}行：" + string.Join("；", errors.Select(e => $"【{e.Column}】{e.Message}"));
        spool.WriteLine(JsonSerializer.Serialize(new SpooledRow(row.Cells, note)));
        Count++;
    }

    /// <summary>Writes the .xlsx (nothing when there were no bad rows) and removes the spool.</summary>
    public async Task SaveAsync(string path, SheetRow header, ExportStamp stamp, CancellationToken ct)
    {
        await spool.DisposeAsync();
        if (Count > 0)
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
            await WatermarkedWorkbook.SaveAsync(file, "错误行", Rows(Headers(header)), stamp, ct);
        }
        File.Delete(spoolPath);
    }

    public void Dispose() => spool.Dispose();

    private IEnumerable<Dictionary<string, object?>> Rows(List<(int Index, string Header)> headers)
    {
        foreach (var line in File.ReadLines(spoolPath))
        {
            var row = JsonSerializer.Deserialize<SpooledRow>(line)!;
            var cells = new Dictionary<string, object?>(headers.Count + 1);
            foreach (var (index, header) in headers)
            {
                cells[header] = FormulaGuard.Neutralise(index < row.Cells.Count ? row.Cells[index] : null);
            }
            cells[PersonColumns.ErrorNoteHeader] = FormulaGuard.Neutralise(row.Note);
            yield return cells;
        }
    }

    /// <summary>The file's own headers, made unique (a blank or repeated header gets its column number), less an old 错误说明.</summary>
    private static List<(int Index, string Header)> Headers(SheetRow header)
    {
        var headers = new List<(int, string)>();
        var used = new HashSet<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header[i].Trim();
            if (text == PersonColumns.ErrorNoteHeader)
            {
                continue;
            }
            headers.Add((i, text.Length == 0 || !used.Add(text) ? $"第{i + 1}列" : FormulaGuard.Neutralise(text)!));
        }
        return headers;
    }

    private sealed record SpooledRow(IReadOnlyList<string> Cells, string Note);
}
