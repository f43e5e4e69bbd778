using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.FollowUps;

/// <summary>The national follow-up forms of module 5 (docs/reference/national-specs.md §7).</summary>
public enum FollowUpKind
{
    /// <summary>回访1：辅具发放工作结束1个月后.</summary>
    Device1Month = 1,
    /// <summary>回访2：辅具发放工作结束6个月后.</summary>
    Device6Month = 2,
    /// <summary>康复服务回访.</summary>
    Service = 3,
}

public enum FollowUpStatus
{
    Pending = 0,
    Done = 1,
    /// <summary>失访: the visit could not be made; a reason is required.</summary>
    LostContact = 2,
}

/// <summary>回访方式 (入户 / 电话 / 微信或QQ / 其他).</summary>
public enum FollowUpMethod
{
    Home = 1,
    Phone = 2,
    WeChatOrQq = 3,
    Other = 9,
}

/// <summary>
/// One scheduled follow-up visit of a served case, created from the <see cref="FollowUpRule"/>s in force on the
/// completion date. The community staff of the person's community record it; the case closes only when every
/// follow-up is done or marked 失访.
/// </summary>
public sealed class FollowUp : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>Community of the case (scope of community staff).</summary>
    public string AreaCode { get; set; } = "";
    public CaseKind CaseKind { get; set; }
    public FollowUpKind Kind { get; set; }
    /// <summary>Order of the visits of one case (1, 2, …): a visit is recorded only after the ones before it.</summary>
    public int Sequence { get; set; }
    public Guid RuleId { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>From this day the visit shows in the 待回访 queue.</summary>
    public DateOnly VisibleFrom { get; set; }
    /// <summary>After this day the visit is overdue (逾期回访).</summary>
    public DateOnly OverdueAfter { get; set; }
    public FollowUpStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public FollowUpMethod? Method { get; set; }
    /// <summary>The concrete way when the method is 其他.</summary>
    public string? MethodDetail { get; set; }
    /// <summary>Question number → chosen option text(s), exactly as the national form words them (JSON).</summary>
    public string? AnswersJson { get; set; }
    public string? Comment { get; set; }
    public string? RecordedByUserId { get; set; }
    public string? RecordedByName { get; set; }
    public DateTime? RecordedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => Status == FollowUpStatus.Pending;
}

/// <summary>
/// Which case kinds get which follow-up, how long after the completion date, and when it shows as due or overdue.
/// Rules are data with effective dates (the completion date picks the rule), seeded per district and editable as data.
/// </summary>
public sealed class FollowUpRule : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public CaseKind CaseKind { get; set; }
    public FollowUpKind Kind { get; set; }
    public int Sequence { get; set; }
    public int OffsetMonths { get; set; }
    public int OffsetDays { get; set; }
    /// <summary>Days before the due date from which the visit shows in 待回访.</summary>
    public int LeadDays { get; set; }
    /// <summary>Days after the due date before the visit counts as overdue.</summary>
    public int GraceDays { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>"national" for the module-5 forms, "local-1" where a national form is reused (prosthesis, accessibility; §7.3).</summary>
    public string FormVersion { get; set; } = "national";
    public Guid Version { get; set; }

    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);
}
