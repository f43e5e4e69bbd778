namespace Kangfu.Web.Modules.Referrals;

/// <summary>The four kinds of case of the national flow (docs/reference/national-specs.md §8).</summary>
public enum CaseKind
{
    Service = 1,
    Device = 2,
    Prosthesis = 3,
    Accessibility = 4,
}

/// <summary>
/// Where a case stands. Awaiting* states are queues of the next module: nothing has been done there yet,
/// which is exactly when the sender may still withdraw (撤回).
/// </summary>
public enum CaseState
{
    AwaitingInstitutionAssessment = 10,
    InstitutionAssessing = 11,
    AwaitingHomeAssessment = 20,
    HomeAssessing = 21,
    Screening = 22,
    AwaitingDeviceReview = 30,
    AwaitingProsthesisReview = 31,
    AwaitingAccessibilityReview = 32,
    InReview = 33,
    AwaitingReassessment = 34,
    AwaitingService = 40,
    AwaitingDeviceService = 41,
    AwaitingProsthesisService = 42,
    AwaitingRetrofit = 43,
    Served = 50,
    Dispensed = 51,
    Fitted = 52,
    Retrofitted = 53,
    FollowUpDue = 60,
    Closed = 90,
    NoNeed = 91,
    Declined = 92,
    ReferredToDevice = 93,
    Withdrawn = 94,
    Cancelled = 99,
}

/// <summary>Prosthesis/orthosis sub-queues of module 2/3 (长江新里程 / 其它假肢 / 矫形器).</summary>
public enum ProsthesisKind
{
    None = 0,
    ChangjiangXinlicheng = 1,
    OtherProsthesis = 2,
    Orthosis = 3,
}

public enum CaseAction
{
    /// <summary>The case was opened by routing an intake need (conditions 1–3).</summary>
    Route = 5,
    StartInstitutionAssessment = 1,
    ReferToService = 2,
    ReferToDeviceReview = 3,
    StartHomeAssessment = 10,
    SubmitHomeAssessment = 11,
    SubmitScreening = 12,
    ScreeningNoNeed = 13,
    DeclineRetrofit = 14,
    StartReview = 20,
    ReviewPass = 21,
    ReviewPassModified = 22,
    ReviewReassess = 23,
    ReviewReject = 24,
    CompleteReassessment = 25,
    MarkServed = 30,
    CompleteDispensing = 31,
    CompleteFitting = 32,
    CompleteRetrofit = 33,
    FollowUpDue = 40,
    Close = 41,
    /// <summary>A follow-up visit was recorded (the case stays in 待回访).</summary>
    RecordFollowUp = 42,
    Withdraw = 50,
    Cancel = 51,
}

/// <summary>Outcome evaluation at closure (有效 / 有进步 / 无效).</summary>
public enum CaseOutcome
{
    Effective = 1,
    Improved = 2,
    Ineffective = 3,
}

/// <summary>Why a case ends without service (死亡 / 迁出 / 失访 / 拒绝 / 作废 / 其他).</summary>
public enum CancelReason
{
    Deceased = 1,
    MovedOut = 2,
    LostContact = 3,
    Refused = 4,
    Voided = 5,
    Other = 9,
}
