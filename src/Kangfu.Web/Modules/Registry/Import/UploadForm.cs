using Kangfu.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>Reads the one file of a multipart upload within the import size limit; anything malformed is a Chinese 400.</summary>
internal static class UploadForm
{
    public static async Task<IFormFile> ReadFileAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes + 1024 * 1024)
        {
            throw ImportStorage.TooLarge(maxBytes);
        }
        if (!request.HasFormContentType)
        {
            throw new DomainException("请以表单（multipart/form-data）方式上传名册文件，字段名为 file。");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1024 * 1024;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + 64 * 1024 }, ct);
        }
        catch (InvalidDataException)
        {
            throw new DomainException("上传内容不完整或超过大小上限，请重新上传。");
        }
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)
            ?? throw new DomainException("没有收到文件，请选择要导入的名册文件。");
        if (file.Length == 0)
        {
            throw new DomainException("上传的文件为空（0字节）。" + Sheets.ImportFileKinds.Accepted + "。");
        }
        return file;
    }
}
