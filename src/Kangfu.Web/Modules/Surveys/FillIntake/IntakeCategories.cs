using Kangfu.Web.Modules.Registry;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>Words of the form: the six categories it offers (no 多重: several are ticked) and the directions.</summary>
public static class IntakeCategories
{
    public static readonly DisabilityCategory[] All =
    [
        DisabilityCategory.Visual, DisabilityCategory.Hearing, DisabilityCategory.Speech,
        DisabilityCategory.Physical, DisabilityCategory.Intellectual, DisabilityCategory.Mental,
    ];

    public static readonly IReadOnlyDictionary<ServiceDirection, string> Directions = new Dictionary<ServiceDirection, string>
    {
        [ServiceDirection.ToAssessmentInstitution] = "转介评估机构",
        [ServiceDirection.ToServiceInstitution] = "转介服务机构",
        [ServiceDirection.HomeAssessment] = "上门评估",
    };

    public static string Status(IntakeStatus? status) => status switch
    {
        IntakeStatus.Submitted => "已提交",
        IntakeStatus.NoNeed => "无康复需求",
        IntakeStatus.Draft => "草稿",
        _ => "未填写",
    };
}
