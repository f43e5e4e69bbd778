using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Referrals;

/// <summary>
/// One routed need of one person in one year, moving through the national modules by guarded transitions
/// (<see cref="CaseWorkflow"/>). Every change is audited and versioned; every transition is kept in
/// <see cref="CaseTransition"/> and on the person's timeline.
/// </summary>
public sealed class RehabCase : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The community of the person when the case was opened (scope of community staff).</summary>
    public string AreaCode { get; set; } = "";
    public int Year { get; set; }
    public CaseKind Kind { get; set; }
    public CaseState State { get; set; }
    /// <summary>State to return to on withdrawal (撤回) from the current queue.</summary>
    public CaseState? WithdrawTo { get; set; }
    public DisabilityCategory Category { get; set; }
    public Guid? ServiceItemId { get; set; }
    public string ServiceItemCode { get; set; } = "";
    public string ServiceItemName { get; set; } = "";
    public Guid? IntakeId { get; set; }
    public Guid? IntakeNeedId { get; set; }
    /// <summary>The case this one was spawned from (a prosthesis or accessibility case from a device assessment).</summary>
    public Guid? ParentCaseId { get; set; }
    public ProsthesisKind ProsthesisKind { get; set; }
    /// <summary>Device direction of the case, for the reviewers' queues (肢体 / 听力 / 视力 / 假肢矫形器 / 无障碍).</summary>
    public Organization.DeviceDirection Direction { get; set; }
    public Guid? InstitutionId { get; set; }
    public bool HomeServiceRequested { get; set; }
    public bool HomeVisitRequested { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public CancelReason? CancelReason { get; set; }
    public string? Note { get; set; }
    /// <summary>Fitting scheme of the device home assessment (2-3-1 … 2-3-4, hearing, vision).</summary>
    public string? FittingScheme { get; set; }
    /// <summary>The current device list (catalog product codes, comma separated): assessed, then as reviewed, then dispensed.</summary>
    public string? DeviceCodes { get; set; }
    /// <summary>Date the devices were handed over (辅具发放) or the fitting/retrofit was completed.</summary>
    public DateOnly? CompletedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime StateChangedAt { get; set; }
    public Guid Version { get; set; }

    public bool IsFinal => State >= CaseState.Closed;
}

/// <summary>One step of a case's history: who moved it from where to where, when, and why.</summary>
public sealed class CaseTransition : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public CaseState From { get; set; }
    public CaseState To { get; set; }
    public CaseAction Action { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string? UserAreaCode { get; set; }
    public string? Comment { get; set; }
    /// <summary>Structured details recorded with the step (assessment answers, review changes, dispensing), as JSON.</summary>
    public string? DataJson { get; set; }
}
