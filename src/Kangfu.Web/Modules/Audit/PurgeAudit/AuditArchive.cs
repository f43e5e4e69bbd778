using System.Globalization;
using System.Text.Json;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Audit.PurgeAudit;

/// <summary>
/// The rows a purge removes, written before they go: one JSON object per line with every column (so each row's hash can be
/// recomputed offline with <see cref="AuditChain.ComputeHash"/>), readable by the service account only. The file is written
/// as <c>….jsonl.partial</c> and renamed when the purge commits; a failed purge deletes it.
/// </summary>
internal sealed class AuditArchive
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string partial;

    private AuditArchive(string path)
    {
        Path = path;
        partial = path + ".partial";
    }

    /// <summary>The archive file, once the purge has committed.</summary>
    public string Path { get; }

    public long Rows { get; private set; }

    public static async Task<AuditArchive> WriteAsync(KangfuDbContext db, IReadOnlyList<PurgeRun> runs, string directory, DateTime now,
        DateTime cutoff, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var archive = new AuditArchive(System.IO.Path.Combine(directory,
            "audit-purge-" + now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".jsonl"));
        var removed = runs.GroupBy(r => (r.DistrictCode, r.Chain)).ToDictionary(g => g.Key, g => g.ToList());
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            await using var file = new StreamWriter(archive.partial, new System.Text.UTF8Encoding(false), options);
            await foreach (var row in db.AuditEntries.AsNoTracking().Where(a => a.At < cutoff)
                .OrderBy(a => a.DistrictCode).ThenBy(a => a.Chain).ThenBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (removed.TryGetValue((row.DistrictCode, row.Chain), out var chainRuns) && chainRuns.Any(r => row.Sequence >= r.First && row.Sequence <= r.Last))
                {
                    await file.WriteLineAsync(JsonSerializer.Serialize(row, Json).AsMemory(), ct);
                    archive.Rows++;
                }
            }
        }
        catch
        {
            archive.Discard();
            throw;
        }
        return archive;
    }

    /// <summary>The purge committed: the archive is complete.</summary>
    public void Complete() => File.Move(partial, Path);

    /// <summary>The purge failed or was rolled back: nothing was removed, so nothing is archived.</summary>
    public void Discard() => File.Delete(partial);
}
