using ExcelDataReader;
using Kangfu.Web.Platform.Errors;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Kangfu.Web.Modules.Registry.Import.Sheets;

/// <summary>
/// Streams the rows of the first sheet of an .xlsx (MiniExcel), .xls (ExcelDataReader) or .csv (Sylvan) file,
/// without loading the whole file. A damaged file becomes a <see cref="DomainException"/> with a Chinese message.
/// </summary>
public static class SheetReader
{
    public static IEnumerable<SheetRow> Read(string path, ImportFileKind kind) => Guard(kind switch
    {
        ImportFileKind.Xlsx => ReadXlsx(path),
        ImportFileKind.Xls => ReadXls(path),
        _ => ReadCsv(path),
    }, kind);

    /// <summary>Rows in the file (header included), for the progress bar; read from the sheet dimension or by counting lines.</summary>
    public static int CountRows(string path, ImportFileKind kind)
    {
        try
        {
            return kind switch
            {
                ImportFileKind.Xlsx => MiniExcel.GetSheetDimensions(path).FirstOrDefault()?.Rows.Count ?? 0,
                ImportFileKind.Xls => CountXlsRows(path),
                _ => CountLines(path),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Damaged(kind);
        }
    }

    private static IEnumerable<SheetRow> ReadXlsx(string path)
    {
        using var stream = File.OpenRead(path);
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            yield return new SheetRow(number, row.Values.Select(CellText.Of).ToArray());
        }
    }

    private static IEnumerable<SheetRow> ReadXls(string path)
    {
        TextEncodings.EnsureRegistered();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellText.Of(reader.GetValue(i));
            }
            yield return new SheetRow(number, cells);
        }
    }

    private static IEnumerable<SheetRow> ReadCsv(string path)
    {
        using var stream = File.OpenRead(path);
        var encoding = TextEncodings.Detect(stream);
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false });
        var number = 0;
        while (csv.Read())
        {
            number++;
            var cells = new string[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }
            yield return new SheetRow(number, cells);
        }
    }

    private static int CountXlsRows(string path)
    {
        TextEncodings.EnsureRegistered();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
        return reader.RowCount;
    }

    private static int CountLines(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[81920];
        int read, lines = 0;
        var last = (byte)'\n';
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static IEnumerable<SheetRow> Guard(IEnumerable<SheetRow> rows, ImportFileKind kind)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            SheetRow row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }
                row = enumerator.Current;
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or DomainException))
            {
                throw Damaged(kind);
            }
            yield return row;
        }
    }

    private static DomainException Damaged(ImportFileKind kind) => new(kind switch
    {
        ImportFileKind.Csv => "CSV文件格式不正确（例如引号未闭合或某个单元格过长），无法读取。请用Excel打开后另存为 .xlsx 再上传。",
        _ => "Excel文件已损坏或格式不正确，无法读取。请用Excel打开后另存为 .xlsx 再上传。",
    });
}
