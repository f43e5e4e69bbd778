using System.Security.Cryptography;
using System.Text.Json;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// The uploaded file and what validation produced (error file, summary), kept in a folder per batch between
/// validation and confirmation. The upload is deleted once it has been written; the error file stays for download.
/// </summary>
public sealed class ImportStorage(RegistryOptions options)
{
    public Platform.Uploads.UploadLimits UploadLimits => options.Upload;

    public string Folder(Guid batchId) => Path.Combine(options.ImportFolder, batchId.ToString("N"));

    public string UploadPath(Guid batchId) => Path.Combine(Folder(batchId), "upload.bin");

    public string ErrorFilePath(Guid batchId) => Path.Combine(Folder(batchId), "errors.xlsx");

    public string ErrorRowsPath(Guid batchId) => Path.Combine(Folder(batchId), "errors.jsonl");

    private string SummaryPath(Guid batchId) => Path.Combine(Folder(batchId), "summary.json");

    /// <summary>Copies the upload to the batch folder, refusing it past the size limit; returns its SHA-256.</summary>
    public async Task<string> SaveUploadAsync(Guid batchId, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder(batchId));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = File.Create(UploadPath(batchId));
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > options.ImportMaxFileBytes)
            {
                throw TooLarge(options.ImportMaxFileBytes);
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static DomainException TooLarge(long maxBytes) =>
        new($"文件超过大小上限（{maxBytes / 1024 / 1024}MB），请拆分成几个文件分别导入。");

    public void SaveSummary(Guid batchId, ImportSummary summary) =>
        File.WriteAllText(SummaryPath(batchId), JsonSerializer.Serialize(summary));

    public ImportSummary? LoadSummary(Guid batchId)
    {
        var path = SummaryPath(batchId);
        return File.Exists(path) ? JsonSerializer.Deserialize<ImportSummary>(File.ReadAllText(path)) : null;
    }

    /// <summary>Removes batch folders (uploads with full ID numbers, error files) older than the retention period.</summary>
    public void PurgeOlderThan(DateTime cutoffUtc)
    {
        if (!Directory.Exists(options.ImportFolder))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(options.ImportFolder).Where(f => Directory.GetLastWriteTimeUtc(f) < cutoffUtc))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The validated rows of the batch, in their stored form (identifiers encrypted), for the commit.</summary>
    internal ImportSpill Spill(Guid batchId) => new(Path.Combine(Folder(batchId), "spill"));

    /// <summary>Removes the upload and the spilled rows once they are written (the error file stays for download).</summary>
    public void DeleteUpload(Guid batchId)
    {
        File.Delete(UploadPath(batchId));
        Spill(batchId).Delete();
    }

    public void Delete(Guid batchId)
    {
        if (Directory.Exists(Folder(batchId)))
        {
            Directory.Delete(Folder(batchId), recursive: true);
        }
    }
}
