using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Referrals.Actions;

/// <summary>开始上门评估 (condition 1 queue → in progress).</summary>
public sealed class StartHomeAssessment(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CaseInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, step =>
        {
            step.Move(CaseAction.StartHomeAssessment, input.Comment);
            return Task.CompletedTask;
        }, ct);
}

public sealed class HomeAssessmentInput : CaseInput
{
    /// <summary>2-3-1 … 2-3-4, hearing, vision.</summary>
    public string Scheme { get; set; } = "";
    /// <summary>
    /// Question id → chosen option (2-3-1 … 2-3-4; a （多选） question's options joined by "|"); free "question → answer"
    /// pairs for hearing and vision. 2-3-2's 年龄 (question 0) may be left out: it follows from the birth date.
    /// </summary>
    public Dictionary<string, string> Answers { get; set; } = [];
    /// <summary>
    /// 最希望解决什么问题 (A–R, at most three; not asked by 2-3-2's ≤7岁 branch). M/N file a prosthesis/orthosis case,
    /// I an accessibility case.
    /// </summary>
    public List<string> Wishes { get; set; } = [];
    /// <summary>Recommended devices: catalog product codes.</summary>
    public List<string> DeviceCodes { get; set; } = [];
    /// <summary>PNG of the signature drawn by the person or guardian (残疾人或监护人签字; base64 in JSON).</summary>
    public byte[]? PersonSignature { get; set; }
    /// <summary>PNG of the signature drawn by the service worker (服务人员签字).</summary>
    public byte[]? StaffSignature { get; set; }
}

/// <summary>
/// 提交上门评估 (condition 6 → 辅具审核): records the scheme, answers, recommended devices and signatures; the
/// extra options spawn a prosthesis/orthosis case (condition 4) or an accessibility case (condition 5) in screening.
/// </summary>
public sealed class SubmitHomeAssessment(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, HomeAssessmentInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            var birthDate = FittingSchemes.Find(input.Scheme)?.Age is null ? (DateOnly?)null : await step.Db.Persons
                .Where(p => p.DistrictCode == step.Case.DistrictCode && p.Id == step.Case.PersonId).Select(p => p.BirthDate).FirstAsync(ct);
            // The age question is answered from the birth date on the Beijing date of the assessment.
            var scheme = Validate(input, birthDate is { } b ? Registry.Ages.CompletedYears(b, Platform.ChinaTime.Date(step.Now)) : null);
            var codes = await DeviceCodes.CheckAsync(step.Db, user.DistrictCode, input.DeviceCodes, nameof(input.DeviceCodes), ct);
            var wishes = input.Wishes.Select(w => w.Trim().ToUpperInvariant()).Distinct().ToList();
            var transition = step.Move(CaseAction.SubmitHomeAssessment, input.Comment, new
            {
                scheme = scheme.Code,
                schemeName = scheme.Name,
                answers = input.Answers,
                wishes,
                devices = codes,
            });
            step.Db.CaseSignatures.Add(CaseSignature.Of(step.Case, transition, input.PersonSignature!, input.StaffSignature!, step.Now));
            step.Case.FittingScheme = scheme.Code;
            step.Case.Direction = scheme.Direction;
            step.Case.DeviceCodes = DeviceCodes.Join(codes);
            if (wishes.Contains("M") || wishes.Contains("N"))
            {
                step.Spawn(CaseKind.Prosthesis, CaseState.Screening, DeviceDirection.Prosthesis,
                    wishes.Contains("M") ? ProsthesisKind.None : ProsthesisKind.Orthosis);
            }
            if (wishes.Contains("I"))
            {
                step.Spawn(CaseKind.Accessibility, CaseState.Screening, DeviceDirection.Accessibility);
            }
        }, ct);

    private static FittingScheme Validate(HomeAssessmentInput input, int? ageYears)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var scheme = FittingSchemes.Find(input.Scheme);
        var wishes = input.Wishes.Select(w => w.Trim().ToUpperInvariant()).ToList();
        if (scheme is null)
        {
            errors[nameof(input.Scheme)] = "请选择适配方案";
        }
        else if (scheme.Questions.Count > 0)
        {
            FittingSchemes.CheckAnswers(scheme, input.Answers, ageYears, errors);
            foreach (var gate in scheme.WishGates ?? [])
            {
                if (wishes.Contains(gate.Wish) && !FittingSchemes.Holds(gate.When, input.Answers))
                {
                    errors[nameof(input.Wishes)] = gate.Error;
                }
            }
            if (wishes.Count > 0 && !FittingSchemes.AsksWishes(scheme, input.Answers))
            {
                errors[nameof(input.Wishes)] = $"{scheme.Code} {scheme.Name}方案在此情况下没有“最希望解决什么问题”一题，请不要选择";
            }
        }
        if (wishes.Count > 3 || wishes.Any(w => !FittingSchemes.Wishes.ContainsKey(w)))
        {
            errors[nameof(input.Wishes)] = "最希望解决的问题最多选择三项（A–R）";
        }
        Signature(errors, nameof(input.PersonSignature), input.PersonSignature, "请残疾人或监护人签字");
        Signature(errors, nameof(input.StaffSignature), input.StaffSignature, "请服务人员签字");
        return errors.Count > 0 ? throw new InputInvalidException(errors) : scheme!;
    }

    /// <summary>Signatures are drawn on screen: required, a non-blank PNG (the intake form's rule).</summary>
    private static void Signature(Dictionary<string, string> errors, string field, byte[]? png, string missing)
    {
        if (png is not { Length: > 0 })
        {
            errors[field] = missing;
        }
        else if (Surveys.FillIntake.SignatureImage.Problem(png) is { } problem)
        {
            errors[field] = problem;
        }
    }
}

/// <summary>Device lists are catalog product codes; when the catalog is loaded, every code must be in it.</summary>
public static class DeviceCodes
{
    public static async Task<List<string>> CheckAsync(Platform.Data.KangfuDbContext db, string district, IEnumerable<string> input, string field, CancellationToken ct)
    {
        var codes = input.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count == 0 || !await db.DeviceProducts.AnyAsync(p => p.DistrictCode == district, ct))
        {
            return codes;
        }
        var known = await db.DeviceProducts.Where(p => p.DistrictCode == district && codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        var unknown = codes.Except(known).ToList();
        return unknown.Count > 0
            ? throw new InputInvalidException(new Dictionary<string, string> { [field] = $"辅具目录中没有以下产品：{string.Join("、", unknown)}" })
            : codes;
    }

    public static string? Join(IReadOnlyCollection<string> codes) => codes.Count == 0 ? null : string.Join(",", codes);

    public static IReadOnlyList<string> Split(string? codes) => string.IsNullOrEmpty(codes) ? [] : codes.Split(',');
}
