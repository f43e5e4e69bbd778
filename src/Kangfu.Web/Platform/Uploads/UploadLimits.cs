namespace Kangfu.Web.Platform.Uploads;

/// <summary>Limits checked on an uploaded workbook before any parser sees it (bound from Registry:Upload).</summary>
public sealed class UploadLimits
{
    /// <summary>Sum of the declared uncompressed sizes of all ZIP entries of an .xlsx.</summary>
    public long MaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Uncompressed / compressed size of one entry larger than <see cref="RatioCheckedFromBytes"/>.</summary>
    public int MaxCompressionRatio { get; set; } = 200;

    public long RatioCheckedFromBytes { get; set; } = 10L * 1024 * 1024;

    public int MaxEntries { get; set; } = 2000;
}
