using System.Globalization;
using Kangfu.Web.Modules.Registry.Shared;
using Kangfu.Web.Platform.Privacy;

namespace Kangfu.Web.Modules.Registry.Import;

public enum ColumnKey
{
    Name, IdNumber, CertificateNumber, TargetType, Category, Grade, MultipleCategories, CertificateIssueDate,
    Area, AreaName, Address, Phone, GuardianName, GuardianRelation, GuardianPhone, Status, StatusDate, Sex, BirthDate,
    ErrorNote,
}

/// <summary>Whether a column appears in exports: always, only in an unmasked export, or never.</summary>
public enum ColumnExport
{
    Always,
    UnmaskedOnly,
    Never,
}

/// <summary>What an export cell needs besides the person.</summary>
public sealed record ExportContext(bool Masked, IReadOnlyDictionary<string, string> AreaNames);

/// <summary>One column of a registry file: its header and aliases, whether it is required, an example, how it is exported.</summary>
public sealed record PersonColumn(
    ColumnKey Key, string Header, IReadOnlyList<string> Aliases, bool Required, string Example, ColumnExport Export,
    Func<Person, ExportContext, string?> Write)
{
    /// <summary>Columns read for information only (社区名称, 错误说明): recognised, never imported.</summary>
    public bool Informational => Key is ColumnKey.AreaName or ColumnKey.ErrorNote;
}

/// <summary>
/// The registry file layout, described once: the import reads it, the template and the error file are built from
/// it and the export writes it. Sensitive columns are masked in an export unless the caller may and asks to see them.
/// </summary>
public static class PersonColumns
{
    public const string ErrorNoteHeader = "错误说明";

    public static readonly IReadOnlyList<PersonColumn> All =
    [
        new(ColumnKey.Name, "姓名", [], true, "张三", ColumnExport.Always, (p, _) => p.Name),
        new(ColumnKey.IdNumber, "身份证号", ["身份证号码", "公民身份号码", "身份证", "证件号码"], true, "120116198503121235", ColumnExport.Always,
            (p, c) => c.Masked ? Mask.IdNumber(p.IdNumber) : p.IdNumber),
        new(ColumnKey.CertificateNumber, "残疾证号", ["残疾人证号", "残疾证号码", "残疾人证号码"], false, "12011619850312123542", ColumnExport.Always,
            (p, c) => Certificate(p, c.Masked)),
        new(ColumnKey.TargetType, "对象类别", ["人员类别", "对象类型"], false, "持证残疾人", ColumnExport.Always, (p, _) => RegistryNames.Targets[p.TargetType]),
        new(ColumnKey.Category, "残疾类别", [], false, "肢体", ColumnExport.Always,
            (p, _) => p.Category is { } c ? DisabilityCategories.Names[c] : null),
        new(ColumnKey.Grade, "残疾等级", [], false, "二级", ColumnExport.Always, (p, _) => p.Grade is null ? null : DisabilityCategories.GradeName(p.Grade)),
        new(ColumnKey.MultipleCategories, "多重残疾类别", ["多重残疾", "多重残疾类型"], false, "", ColumnExport.Always,
            (p, _) => p.Category == DisabilityCategory.Multiple ? DisabilityCategories.Describe(p.Categories) : null),
        new(ColumnKey.CertificateIssueDate, "发证日期", ["发证时间", "办证日期"], false, "2020-05-01", ColumnExport.Always, (p, _) => Date(p.CertificateIssueDate)),
        new(ColumnKey.Area, "所属社区", ["社区", "所属社区代码", "社区代码", "社区(村)", "所在社区"], true, "120116001001", ColumnExport.Always, (p, _) => p.AreaCode),
        new(ColumnKey.AreaName, "社区名称", [], false, "", ColumnExport.Always, (p, c) => c.AreaNames.GetValueOrDefault(p.AreaCode)),
        new(ColumnKey.Address, "详细地址", ["地址", "家庭住址", "居住地址", "现住址"], false, "塘沽街道新港路1号", ColumnExport.Always, (p, _) => p.Address),
        new(ColumnKey.Phone, "联系电话", ["电话", "手机", "手机号", "联系方式"], false, "13812345678", ColumnExport.Always, (p, c) => Phone(p.Phone, c.Masked)),
        new(ColumnKey.GuardianName, "监护人", ["监护人姓名"], false, "", ColumnExport.Always, (p, _) => p.GuardianName),
        new(ColumnKey.GuardianRelation, "监护人关系", ["与监护人关系", "监护关系"], false, "", ColumnExport.Always,
            (p, _) => p.GuardianRelation is { } r ? RegistryNames.Relations[r] : null),
        new(ColumnKey.GuardianPhone, "监护人电话", ["监护人联系电话", "监护人手机"], false, "", ColumnExport.Always, (p, c) => Phone(p.GuardianPhone, c.Masked)),
        new(ColumnKey.Status, "人员状态", ["状态"], false, "在册", ColumnExport.Always, (p, _) => RegistryNames.Statuses[p.Status]),
        new(ColumnKey.StatusDate, "状态日期", ["状态变更日期"], false, "", ColumnExport.Always, (p, _) => Date(p.StatusDate)),
        new(ColumnKey.Sex, "性别", [], false, "男", ColumnExport.Always, (p, _) => RegistryNames.Sexes[p.Sex]),
        // With the birth date a masked ID number is no longer masked (only the address code is hidden), so it is unmasked-only.
        new(ColumnKey.BirthDate, "出生日期", ["出生年月日"], false, "1985-03-12", ColumnExport.UnmaskedOnly, (p, _) => Date(p.BirthDate)),
        new(ColumnKey.ErrorNote, ErrorNoteHeader, [], false, "", ColumnExport.Never, (_, _) => null),
    ];

    public static PersonColumn Get(ColumnKey key) => All[(int)key];

    /// <summary>Header text as compared: no spaces of any width, no required-marker asterisk, no bracketed hint.</summary>
    public static string Normalize(string? header)
    {
        var text = new string((header ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '＊')).ToArray());
        var bracket = text.IndexOfAny(['(', '（']);
        return bracket > 0 && !text.StartsWith("社区(", StringComparison.Ordinal) ? text[..bracket] : text;
    }

    public static IEnumerable<PersonColumn> Exported(bool masked) =>
        All.Where(c => c.Export == ColumnExport.Always || (c.Export == ColumnExport.UnmaskedOnly && !masked));

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Phone(string? phone, bool masked) => phone is null ? null : masked ? Mask.Phone(phone) : phone;

    private static string? Certificate(Person p, bool masked)
    {
        if (p.CertificateNumber is not { } number)
        {
            return null;
        }
        var full = p.ReissueCount > 0 ? string.Create(CultureInfo.InvariantCulture, $"{number}B{p.ReissueCount}") : number;
        return masked ? Mask.CertificateNumber(full) : full;
    }
}
