using System.Globalization;

namespace Kangfu.Web.Platform.Excel;

/// <summary>Who exported a file and when: written into every .xlsx export as a watermark and into the audit row.</summary>
public sealed record ExportStamp(string UserName, string DisplayName, string Roles, DateTime AtUtc, string TraceId)
{
    public const string SheetName = "导出水印";

    /// <summary>The printed footer line and the text of the watermark sheet.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"导出人：{DisplayName}（{UserName}，{Roles}）  导出时间：{AtUtc:yyyy-MM-dd HH:mm:ss} UTC  追踪号：{TraceId}  仅限工作使用，严禁外传");

    public IEnumerable<Dictionary<string, object?>> Rows() =>
    [
        new() { ["项目"] = "导出人", ["内容"] = FormulaGuard.Neutralise(UserName) },
        new() { ["项目"] = "姓名", ["内容"] = FormulaGuard.Neutralise(DisplayName) },
        new() { ["项目"] = "角色", ["内容"] = Roles },
        new() { ["项目"] = "导出时间（UTC）", ["内容"] = AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) },
        new() { ["项目"] = "追踪号", ["内容"] = TraceId },
    ];
}
