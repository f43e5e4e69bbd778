using Kangfu.Web.Platform.Validation;

namespace Kangfu.Web.Modules.Registry.SavePerson;

/// <summary>
/// Shape rules of <see cref="SavePersonInput"/>, checked live by the form and again by <see cref="SavePerson"/>.
/// Returns field name → Chinese message. Rules that need the database (scope, duplicates) live in SavePerson.
/// </summary>
public static class SavePersonRules
{
    public const int MaxDiagnosisLength = 500;

    public static Dictionary<string, string> Validate(SavePersonInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = input.Name.Trim();
        if (name.Length == 0)
        {
            errors[nameof(input.Name)] = "请填写姓名";
        }
        else if (name.Length > 50)
        {
            errors[nameof(input.Name)] = "姓名不能超过50个字";
        }
        ResidentId.TryParse(input.IdNumber, today, out var id, out var idError);
        if (id is null)
        {
            errors[nameof(input.IdNumber)] = idError;
        }
        CheckDisability(input, id, today, errors);
        CheckContact(input, id, today, errors);
        CheckStatus(input, id, today, errors);
        return errors;
    }

    private static void CheckDisability(SavePersonInput input, ResidentId? id, DateOnly today, Dictionary<string, string> errors)
    {
        var certified = input.TargetType == TargetType.Certified;
        if (certified && input.Category is null)
        {
            errors[nameof(input.Category)] = "持证残疾人须选择残疾类别";
        }
        if (certified && input.Grade is null)
        {
            errors[nameof(input.Grade)] = "持证残疾人须选择残疾等级";
        }
        if (input.Category == DisabilityCategory.Multiple && CountOf(input.Components) < 2)
        {
            errors[nameof(input.Components)] = "多重残疾须至少选择两种残疾类别";
        }
        if (input.TargetType is TargetType.Child0To6 or TargetType.HighRiskNewborn && id is not null && id.BirthDate.AddYears(7) <= today)
        {
            errors[nameof(input.TargetType)] = "该对象类别仅适用于0-6岁儿童，请核对出生日期或对象类别";
        }
        if (CertificateError(input, id, today) is { } certificateError)
        {
            errors[nameof(input.CertificateNumber)] = certificateError;
        }
        if (input.CertificateIssueDate is { } issued && (issued > today || (id is not null && issued < id.BirthDate)))
        {
            errors[nameof(input.CertificateIssueDate)] = "发证日期应在出生日期之后，且不晚于今天";
        }
    }

    /// <summary>The certificate number: required for 持证残疾人, well formed, and matching the ID, category and grade.</summary>
    private static string? CertificateError(SavePersonInput input, ResidentId? id, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input.CertificateNumber))
        {
            return input.TargetType == TargetType.Certified ? "持证残疾人须填写残疾证号" : null;
        }
        if (!CertificateNumber.TryParse(input.CertificateNumber, today, out var number, out var error))
        {
            return error;
        }
        if (id is not null && number!.Id.Value != id.Value)
        {
            return "残疾证号前18位应与身份证号一致";
        }
        if (input.Category is { } category && number!.Category != category)
        {
            return $"残疾证号第19位为{(int)number.Category}（{DisabilityCategories.Names[number.Category]}），与所选残疾类别不一致";
        }
        return input.Grade is { } grade && number!.Grade != grade
            ? $"残疾证号第20位为{number.Grade}（{DisabilityCategories.GradeName(number.Grade)}），与所选残疾等级不一致"
            : null;
    }

    private static void CheckContact(SavePersonInput input, ResidentId? id, DateOnly today, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(input.AreaCode))
        {
            errors[nameof(input.AreaCode)] = "请选择所属社区";
        }
        if (!PhoneNumber.IsValidOrEmpty(input.Phone))
        {
            errors[nameof(input.Phone)] = "联系电话应为11位手机号，或带区号的固定电话（如022-12345678）";
        }
        if (!PhoneNumber.IsValidOrEmpty(input.GuardianPhone))
        {
            errors[nameof(input.GuardianPhone)] = "监护人电话应为11位手机号，或带区号的固定电话";
        }
        if (input.NormalizedBankAccount is { } account && (account.Length is < 12 or > 30 || !account.All(char.IsAsciiDigit)))
        {
            errors[nameof(input.BankAccount)] = "银行账号应为12至30位数字";
        }
        if (input.Diagnosis is { } diagnosis && diagnosis.Trim().Length > MaxDiagnosisLength)
        {
            errors[nameof(input.Diagnosis)] = $"诊断不能超过{MaxDiagnosisLength}个字";
        }
        var hasGuardian = !string.IsNullOrWhiteSpace(input.GuardianName);
        if (!hasGuardian && (input.GuardianRelation is not null || !string.IsNullOrWhiteSpace(input.GuardianPhone)))
        {
            errors[nameof(input.GuardianName)] = "请填写监护人姓名";
        }
        else if (!hasGuardian && id is not null && Ages.CompletedYears(id.BirthDate, today) < 18)
        {
            errors[nameof(input.GuardianName)] = "未满18周岁的人员须登记监护人";
        }
        if (hasGuardian && input.GuardianRelation is null)
        {
            errors[nameof(input.GuardianRelation)] = "请选择监护人与本人的关系";
        }
    }

    private static void CheckStatus(SavePersonInput input, ResidentId? id, DateOnly today, Dictionary<string, string> errors)
    {
        if (input.Status == PersonStatus.Registered)
        {
            return;
        }
        if (input.StatusDate is not { } date)
        {
            errors[nameof(input.StatusDate)] = "状态为迁出、死亡或注销时须填写变更日期";
        }
        else if (date > today || (id is not null && date < id.BirthDate))
        {
            errors[nameof(input.StatusDate)] = "变更日期应在出生日期之后，且不晚于今天";
        }
    }

    private static int CountOf(CategorySet set) => DisabilityCategories.Members(set).Count();
}
