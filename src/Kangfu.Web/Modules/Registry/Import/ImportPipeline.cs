using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
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

    /// <summary>
    /// The data rows, read ahead on another thread (at most <paramref name="readAhead"/> rows buffered, so memory stays
    /// bounded): parsing the file overlaps with checking and encrypting the rows. A read error surfaces in order.
    /// </summary>
    public IEnumerable<SheetRow> DataRowsReadAhead(int readAhead, CancellationToken ct)
    {
        using var buffer = new BlockingCollection<SheetRow>(readAhead);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var row in DataRows())
                {
                    buffer.Add(row, stop.Token);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                buffer.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var row in buffer.GetConsumingEnumerable(ct))
            {
                yield return row;
            }
            producer.Wait(CancellationToken.None);
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            stop.Cancel(); // the consumer stopped early (an error, a cancellation): release the reader
            producer.Wait(CancellationToken.None);
        }
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
