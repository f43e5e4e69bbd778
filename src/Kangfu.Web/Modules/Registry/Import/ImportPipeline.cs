using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>An open registry file: its header found and mapped, its data rows streamed one by one (empty rows skipped).</summary>
internal sealed class ImportPipeline : IDisposable
{
    private readonly IEnumerator<SheetRow> rows;

    private ImportPipeline(IEnumerator<SheetRow> rows, HeaderMap map)
    {
        this.rows = rows;
        Map = map;
    }

    public HeaderMap Map { get; }

    public static ImportPipeline Open(string path, ImportFileKind kind)
    {
        var rows = SheetReader.Read(path, kind).GetEnumerator();
        try
        {
            return new ImportPipeline(rows, HeaderMap.Find(rows));
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    /// <summary>Checks at upload time that the file can be read, has a header and at least one data row.</summary>
    public static HeaderMap Probe(string path, ImportFileKind kind)
    {
        using var pipeline = Open(path, kind);
        if (!pipeline.DataRows().Any())
        {
            throw new DomainException($"文件只有表头（第{pipeline.Map.Header.Number}行），没有数据行。");
        }
        return pipeline.Map;
    }

    public IEnumerable<SheetRow> DataRows()
    {
        while (rows.MoveNext())
        {
            if (!rows.Current.IsEmpty)
            {
                yield return rows.Current;
            }
        }
    }

    public void Dispose() => rows.Dispose();
}
