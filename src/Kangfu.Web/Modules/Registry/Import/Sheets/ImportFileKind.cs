using System.IO.Compression;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Uploads;

namespace Kangfu.Web.Modules.Registry.Import.Sheets;

public enum ImportFileKind
{
    Xlsx,
    Xls,
    Csv,
}

/// <summary>Recognises an upload by its content (ZIP / OLE2 signature or plain text) and checks it agrees with its name.</summary>
public static class ImportFileKinds
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public const string Accepted = "请上传 .xlsx、.xls 或 .csv 格式的名册文件";

    public static ImportFileKind Detect(string path, string fileName, UploadLimits? limits = null)
    {
        var head = new byte[4096];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (read == 0)
        {
            throw new DomainException("上传的文件为空（0字节）。" + Accepted + "。");
        }
        var content = ByContent(head.AsSpan(0, read), path);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var named = extension switch
        {
            ".xlsx" => ImportFileKind.Xlsx,
            ".xlsm" or ".xltm" or ".xlam" => throw new DomainException("不接受启用宏的工作簿（" + extension + "）。请在Excel中另存为不含宏的工作簿（.xlsx）后重新上传。"),
            ".xls" => ImportFileKind.Xls,
            ".csv" or ".txt" => ImportFileKind.Csv,
            _ => throw new DomainException($"不支持的文件类型“{extension}”。{Accepted}。"),
        };
        if (content != named)
        {
            throw new DomainException($"文件扩展名是“{extension}”，但文件内容是{Describe(content)}，文件可能已损坏或扩展名被改过。请用Excel另存为正确格式后重新上传。");
        }
        if (content == ImportFileKind.Xlsx)
        {
            UploadGuard.CheckWorkbookPackage(path, limits ?? new UploadLimits());
        }
        else if (content == ImportFileKind.Xls)
        {
            UploadGuard.CheckCompoundFile(path);
        }
        return content;
    }

    private static ImportFileKind ByContent(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith(Zip))
        {
            return IsWorkbook(path) ? ImportFileKind.Xlsx
                : throw new DomainException("文件是ZIP压缩包，但不是Excel工作簿（.xlsx），可能已损坏。" + Accepted + "。");
        }
        if (head.StartsWith(Ole2))
        {
            return ImportFileKind.Xls;
        }
        if (head.StartsWith((byte[])[0xFF, 0xFE]) || head.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return ImportFileKind.Csv; // UTF-16 text ("Unicode text" from Excel)
        }
        if (head.Contains((byte)0))
        {
            throw new DomainException("无法识别文件内容：既不是Excel工作簿，也不是文本CSV文件。" + Accepted + "。");
        }
        return ImportFileKind.Csv;
    }

    private static bool IsWorkbook(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string Describe(ImportFileKind kind) => kind switch
    {
        ImportFileKind.Xlsx => "Excel工作簿（.xlsx）",
        ImportFileKind.Xls => "旧版Excel工作簿（.xls）",
        ImportFileKind.Csv => "文本（.csv）",
        _ => kind.ToString(),
    };
}
