using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Validation;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>Field rules of the form, with a Chinese message per field. Submitting asks for more than a draft.</summary>
public static class IntakeRules
{
    public static Dictionary<string, string> Validate(IntakeInput input, DateOnly today, bool submit)
    {
        var e = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            e[nameof(input.Name)] = "请填写姓名";
        }
        else if (input.Name.Trim().Length > 50)
        {
            e[nameof(input.Name)] = "姓名不能超过 50 个字";
        }
        if (input.Sex is null)
        {
            e[nameof(input.Sex)] = "请选择性别";
        }
        if (!PhoneNumber.IsValidOrEmpty(input.Phone))
        {
            e[nameof(input.Phone)] = "联系方式须为手机号或固定电话";
        }
        if (!string.IsNullOrWhiteSpace(input.GuardianName) && input.GuardianRelation is null)
        {
            e[nameof(input.GuardianRelation)] = "请选择监护人与残疾人关系";
        }
        if (input.CertificateNumber is { Length: > 20 })
        {
            e[nameof(input.CertificateNumber)] = "残疾证号不能超过 20 位";
        }
        if (input.Grade is not null and not (>= 1 and <= 4))
        {
            e[nameof(input.Grade)] = "残疾等级须为一级至四级或未定级";
        }
        if (input.FillDate == default)
        {
            e[nameof(input.FillDate)] = "请填写填表时间";
        }
        else if (input.FillDate > today)
        {
            e[nameof(input.FillDate)] = "填表时间不能晚于今天";
        }
        Signature(e, nameof(input.PersonSignature), input.PersonSignature, submit, "请残疾人或监护人签字");
        Signature(e, nameof(input.StaffSignature), input.StaffSignature, submit, "请精准康复服务小组人员签字");
        if (!submit)
        {
            return e;
        }
        if (input.Categories.Count == 0)
        {
            e[nameof(input.Categories)] = input.Unrated ? "残疾类别为未评定，请再次询问并选择残疾类别" : "请选择残疾类别";
        }
        if (input.HasNeed is null)
        {
            e[nameof(input.HasNeed)] = "请选择有无康复需求";
        }
        return e;
    }

    /// <summary>Ticked items must be on the rows shown; each row with a ticked item needs its 服务走向.</summary>
    public static Dictionary<string, string> ValidateNeeds(IntakeInput input, IReadOnlyList<NeedRow> rows, bool submit)
    {
        var e = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.HasNeed != true)
        {
            return e;
        }
        var shown = rows.SelectMany(r => r.Items.Select(i => (i.Id, r.Category))).ToDictionary(x => x.Id, x => x.Category);
        if (input.ItemIds.Any(id => !shown.ContainsKey(id)))
        {
            e[nameof(input.ItemIds)] = "所选康复需求与残疾类别或年龄不符，请重新选择";
            return e;
        }
        if (submit && input.ItemIds.Count == 0)
        {
            e[nameof(input.ItemIds)] = "有康复需求时，请至少勾选一项需求";
        }
        foreach (var category in input.ItemIds.Select(id => shown[id]).Distinct())
        {
            if (submit && input.DirectionOf(category) is null)
            {
                e[$"Directions.{category}"] = $"请选择{DisabilityCategories.Names[category]}需求的服务走向";
            }
        }
        return e;
    }

    private static void Signature(Dictionary<string, string> e, string field, byte[]? png, bool required, string missing)
    {
        if (png is null || png.Length == 0)
        {
            if (required)
            {
                e[field] = missing;
            }
            return;
        }
        if (SignatureImage.Problem(png) is { } problem)
        {
            e[field] = problem;
        }
    }
}
