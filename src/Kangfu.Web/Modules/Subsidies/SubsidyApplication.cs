using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Subsidies;

public enum ApplicationState
{
    Draft = 0,
    AwaitingStreet = 1,
    AwaitingDistrict = 2,
    Approved = 3,
    Returned = 4,
    Rejected = 5,
}

public enum DecisionLevel
{
    Applicant = 0,
    Street = 1,
    District = 2,
}

public enum DecisionAction
{
    Submit = 0,
    Approve = 1,
    Return = 2,
    Reject = 3,
}

/// <summary>
/// A subsidy application of one person for one catalog item of one case (need) and year. Eligibility is checked
/// against the catalog on the application date; the street and then the district decide; the district charges the
/// approved amount to a fund source's budget and the amount lands on the person's service card.
/// </summary>
public sealed class SubsidyApplication : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The community of the person (scope of community and street users).</summary>
    public string AreaCode { get; set; } = "";
    public Guid ServiceItemId { get; set; }
    public string ServiceItemCode { get; set; } = "";
    public string ServiceItemName { get; set; } = "";
    public int Year { get; set; }
    public DateOnly ApplicationDate { get; set; }
    public decimal AmountRequested { get; set; }
    public decimal? AmountApproved { get; set; }
    public Guid? FundSourceId { get; set; }
    public ApplicationState State { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime StateChangedAt { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => State is ApplicationState.AwaitingStreet or ApplicationState.AwaitingDistrict or ApplicationState.Approved;
}

/// <summary>One decision on an application (submit, approve, return, reject) with the level's comment: the approval history.</summary>
public sealed class SubsidyDecision : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTime At { get; set; }
    public DecisionLevel Level { get; set; }
    public DecisionAction Action { get; set; }
    public ApplicationState From { get; set; }
    public ApplicationState To { get; set; }
    public decimal? Amount { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
}

public static class ApplicationStates
{
    public static string Name(ApplicationState s) => s switch
    {
        ApplicationState.Draft => "草稿",
        ApplicationState.AwaitingStreet => "待街道审批",
        ApplicationState.AwaitingDistrict => "待区级审批",
        ApplicationState.Approved => "已批准",
        ApplicationState.Returned => "已退回",
        _ => "未批准",
    };

    public static string ActionName(DecisionAction a) => a switch
    {
        DecisionAction.Submit => "提交申请",
        DecisionAction.Approve => "同意",
        DecisionAction.Return => "退回",
        _ => "不予批准",
    };

    public static string LevelName(DecisionLevel l) => l switch
    {
        DecisionLevel.Applicant => "申请人",
        DecisionLevel.Street => "街道",
        _ => "区残联",
    };
}
