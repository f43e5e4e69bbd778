using System.IO.Compression;
using System.Text;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Platform.Uploads;

/// <summary>
/// Refuses dangerous office files before parsing: ZIP bombs (entry count, total uncompressed size and compression ratio
/// read from the central directory) and macro-enabled content (vbaProject.bin, macro content types, OLE VBA storages).
/// </summary>
public static class UploadGuard
{
    private const string MacroRefused = "文件包含宏（VBA代码），出于安全原因不予导入。请在Excel中另存为不含宏的工作簿（.xlsx）后重新上传。";

    /// <summary>Checks an .xlsx (a ZIP package) from its central directory; throws a Chinese <see cref="DomainException"/>.</summary>
    public static void CheckWorkbookPackage(string path, UploadLimits limits)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw new DomainException($"文件内部包含{zip.Entries.Count}个部件，超过上限{limits.MaxEntries}个，疑似异常压缩包，不予导入。");
        }
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                throw new DomainException($"文件解压后超过{limits.MaxUncompressedBytes / 1024 / 1024}MB，疑似压缩炸弹，不予导入。请拆分后重新上传。");
            }
            if (entry.Length > limits.RatioCheckedFromBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new DomainException($"文件内部部件的压缩比超过{limits.MaxCompressionRatio}倍，疑似压缩炸弹，不予导入。");
            }
            if (IsMacroPart(entry.FullName))
            {
                throw new DomainException(MacroRefused);
            }
        }
        if (zip.GetEntry("[Content_Types].xml") is { } types && types.Length < 1024 * 1024 && DeclaresMacros(types))
        {
            throw new DomainException(MacroRefused);
        }
    }

    /// <summary>Checks a legacy .xls (OLE compound file) for VBA storages (_VBA_PROJECT_CUR, _VBA_PROJECT, Macros).</summary>
    public static void CheckCompoundFile(string path)
    {
        foreach (var name in CompoundFileNames(path))
        {
            if (name is "_VBA_PROJECT_CUR" or "_VBA_PROJECT" or "Macros" or "VBA")
            {
                throw new DomainException(MacroRefused);
            }
        }
    }

    private static bool IsMacroPart(string name) =>
        name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("vbaProjectSignature.bin", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("xl/macrosheets/", StringComparison.OrdinalIgnoreCase);

    private static bool DeclaresMacros(ZipArchiveEntry types)
    {
        using var reader = new StreamReader(types.Open(), Encoding.UTF8);
        var text = reader.ReadToEnd();
        return text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || text.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Names of the 128-byte directory entries of a compound file, found at entry boundaries (offset 512 + k·128) by their
    /// UTF-16 name and its declared length; cell text never sits on such a boundary with a consistent length field.
    /// </summary>
    private static IEnumerable<string> CompoundFileNames(string path)
    {
        var bytes = File.ReadAllBytes(path);
        for (var offset = 512; offset + 128 <= bytes.Length; offset += 128)
        {
            var length = BitConverter.ToUInt16(bytes, offset + 64);
            var type = bytes[offset + 66];
            if (length is < 4 or > 64 || length % 2 != 0 || type is < 1 or > 5 || bytes[offset + length - 2] != 0 || bytes[offset + length - 1] != 0)
            {
                continue;
            }
            yield return Encoding.Unicode.GetString(bytes, offset, length - 2);
        }
    }
}
