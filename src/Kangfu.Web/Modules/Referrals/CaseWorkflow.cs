using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Errors;
using static Kangfu.Web.Modules.Referrals.CaseState;

namespace Kangfu.Web.Modules.Referrals;

/// <summary>An allowed move: from a state, by an action, to a state, by one of the roles (empty = any role).</summary>
public sealed record CaseTransitionRule(CaseKind[] Kinds, CaseState From, CaseAction Action, CaseState To, string[] Roles);

/// <summary>
/// The state machine of the national flow, as a table (docs/reference/national-specs.md §8). Moves that
/// depend on an answer (a review outcome, a prosthesis sub-kind) have their own action; <see cref="Apply"/>
/// refuses anything not in the table with a Chinese message.
/// </summary>
public static class CaseWorkflow
{
    private static readonly CaseKind[] Any = [CaseKind.Service, CaseKind.Device, CaseKind.Prosthesis, CaseKind.Accessibility];
    private static readonly CaseKind[] Service = [CaseKind.Service];
    private static readonly CaseKind[] Device = [CaseKind.Device];
    private static readonly CaseKind[] Prosthesis = [CaseKind.Prosthesis];
    private static readonly CaseKind[] Accessibility = [CaseKind.Accessibility];
    private static readonly string[] Community = [Roles.CommunityStaff, Roles.ContractedDoctor];
    private static readonly string[] Assessor = [Roles.AssessmentInstitution];
    private static readonly string[] Technician = [Roles.DeviceTechnician];
    private static readonly string[] Provider = [Roles.RehabInstitution, Roles.ContractedDoctor];
    private static readonly string[] DeviceProvider = [Roles.DeviceServiceInstitution];
    private static readonly string[] Supervisor = [Roles.CommunityStaff, Roles.StreetCoordinator, Roles.DistrictReviewer, Roles.DistrictApprover];

    public static readonly IReadOnlyList<CaseTransitionRule> Rules =
    [
        // 机构评估 (condition 2) → 康复服务 (condition 8) or 辅具审核
        new(Service, AwaitingInstitutionAssessment, CaseAction.StartInstitutionAssessment, InstitutionAssessing, Assessor),
        new(Service, InstitutionAssessing, CaseAction.ReferToService, AwaitingService, Assessor),
        new(Service, InstitutionAssessing, CaseAction.ReferToDeviceReview, ReferredToDevice, Assessor),
        // 辅具上门评估 (condition 1) → 辅具审核 (condition 6); extra options spawn cases (conditions 4, 5)
        new(Device, AwaitingHomeAssessment, CaseAction.StartHomeAssessment, HomeAssessing, Community),
        new(Device, HomeAssessing, CaseAction.SubmitHomeAssessment, AwaitingDeviceReview, Community),
        new(Prosthesis, Screening, CaseAction.SubmitScreening, AwaitingProsthesisReview, Community),
        new(Accessibility, Screening, CaseAction.SubmitScreening, AwaitingAccessibilityReview, Community),
        new([CaseKind.Prosthesis, CaseKind.Accessibility], Screening, CaseAction.ScreeningNoNeed, NoNeed, Community),
        new(Accessibility, Screening, CaseAction.DeclineRetrofit, Declined, Community),
        // 审核 (condition 7 on a pass)
        new(Device, AwaitingDeviceReview, CaseAction.StartReview, InReview, Technician),
        new(Prosthesis, AwaitingProsthesisReview, CaseAction.StartReview, InReview, Technician),
        new(Accessibility, AwaitingAccessibilityReview, CaseAction.StartReview, InReview, Technician),
        new(Device, InReview, CaseAction.ReviewPass, AwaitingDeviceService, Technician),
        new(Device, InReview, CaseAction.ReviewPassModified, AwaitingDeviceService, Technician),
        new(Device, InReview, CaseAction.ReviewReassess, AwaitingReassessment, Technician),
        new(Device, AwaitingReassessment, CaseAction.CompleteReassessment, AwaitingDeviceService, Technician),
        new(Prosthesis, InReview, CaseAction.ReviewPass, AwaitingProsthesisService, Technician),
        new(Prosthesis, InReview, CaseAction.ReviewReject, AwaitingProsthesisReview, Technician),
        new(Prosthesis, InReview, CaseAction.ReviewReject, ReferredToDevice, Technician),
        new(Accessibility, InReview, CaseAction.ReviewPass, AwaitingRetrofit, Technician),
        new(Accessibility, InReview, CaseAction.ReviewReject, ReferredToDevice, Technician),
        // 综合康复服务 (conditions 3 and 8; condition 7)
        new(Service, AwaitingService, CaseAction.MarkServed, Served, Provider),
        new(Device, AwaitingDeviceService, CaseAction.CompleteDispensing, Dispensed, DeviceProvider),
        new(Prosthesis, AwaitingProsthesisService, CaseAction.CompleteFitting, Fitted, DeviceProvider),
        new(Accessibility, AwaitingRetrofit, CaseAction.CompleteRetrofit, Retrofitted, DeviceProvider),
        // 综合服务回访
        new(Service, Served, CaseAction.FollowUpDue, FollowUpDue, []),
        new(Device, Dispensed, CaseAction.FollowUpDue, FollowUpDue, []),
        new(Prosthesis, Fitted, CaseAction.FollowUpDue, FollowUpDue, []),
        new(Accessibility, Retrofitted, CaseAction.FollowUpDue, FollowUpDue, []),
        new(Any, FollowUpDue, CaseAction.Close, Closed, Community),
        // 撤回: only from a queue of the next module, before it has acted
        new(Service, AwaitingInstitutionAssessment, CaseAction.Withdraw, Withdrawn, Community),
        new(Service, AwaitingService, CaseAction.Withdraw, Withdrawn, Community),
        new(Device, AwaitingHomeAssessment, CaseAction.Withdraw, Withdrawn, Community),
        new(Device, AwaitingDeviceReview, CaseAction.Withdraw, HomeAssessing, Community),
        new(Prosthesis, AwaitingProsthesisReview, CaseAction.Withdraw, Screening, Community),
        new(Accessibility, AwaitingAccessibilityReview, CaseAction.Withdraw, Screening, Community),
    ];

    /// <summary>Actions the user may take on the case now (for buttons and queues).</summary>
    public static IEnumerable<CaseAction> AvailableActions(RehabCase c, UserContext user) =>
        Rules.Where(r => r.Kinds.Contains(c.Kind) && r.From == c.State && (r.Roles.Length == 0 || r.Roles.Intersect(user.Roles).Any()))
            .Where(r => r.Action != CaseAction.Withdraw || CanWithdraw(c))
            .Select(r => r.Action).Distinct()
            .Concat(!c.IsFinal && user.Roles.Intersect(Supervisor).Any() ? [CaseAction.Cancel] : []);

    /// <summary>
    /// Moves the case and returns its history row. <paramref name="to"/> picks the target where one action has
    /// two (a rejected 长江新里程 review goes back to review as 其它假肢; other rejections go to the device review).
    /// </summary>
    public static CaseTransition Apply(RehabCase c, CaseAction action, UserContext user, DateTime now, string? comment = null, CaseState? to = null)
    {
        CaseState target;
        if (action == CaseAction.Cancel)
        {
            if (c.IsFinal || !user.Roles.Intersect(Supervisor).Any())
            {
                throw new DomainException("该个案已结束，或您的角色不能作废个案。");
            }
            target = Cancelled;
        }
        else
        {
            var candidates = Rules.Where(r => r.Kinds.Contains(c.Kind) && r.From == c.State && r.Action == action).ToList();
            var rule = candidates.FirstOrDefault(r => to is null || r.To == to)
                ?? throw new DomainException($"个案当前状态为“{CaseStates.Name(c.State)}”，不能执行“{CaseStates.ActionName(action)}”。");
            if (rule.Roles.Length > 0 && !rule.Roles.Intersect(user.Roles).Any())
            {
                throw new DomainException($"您的角色不能执行“{CaseStates.ActionName(action)}”。");
            }
            if (action == CaseAction.Withdraw && !CanWithdraw(c))
            {
                throw new DomainException("下一环节已开始处理，或该个案不是由您这一环节提交的，不能撤回。");
            }
            target = action == CaseAction.Withdraw ? c.WithdrawTo!.Value : rule.To;
        }
        var transition = Record(c, c.State, target, action, user, now, comment);
        // A submission into the next module's queue may be pulled back to where it came from.
        c.WithdrawTo = action is CaseAction.SubmitHomeAssessment or CaseAction.SubmitScreening ? c.State : null;
        c.State = target;
        c.StateChangedAt = now;
        return transition;
    }

    /// <summary>The history row of a move, or of a case's opening (from = to).</summary>
    public static CaseTransition Record(RehabCase c, CaseState from, CaseState to, CaseAction action, UserContext user, DateTime at, string? comment = null) => new()
    {
        DistrictCode = c.DistrictCode,
        Id = Guid.CreateVersion7(),
        CaseId = c.Id,
        At = at,
        From = from,
        To = to,
        Action = action,
        UserId = user.UserId,
        UserName = user.DisplayName,
        UserAreaCode = user.AreaPrefix,
        Comment = comment,
    };

    /// <summary>
    /// A queue entry can be pulled back only while the receiving module has not acted on it, and only by the
    /// module that submitted it: the router sets <see cref="RehabCase.WithdrawTo"/> for intake routing
    /// (conditions 1–3), and submitting an assessment sets it for condition 6. Any other move clears it.
    /// </summary>
    public static bool CanWithdraw(RehabCase c) => c.WithdrawTo is not null && c.State is AwaitingInstitutionAssessment or AwaitingService
        or AwaitingHomeAssessment or AwaitingDeviceReview or AwaitingProsthesisReview or AwaitingAccessibilityReview;
}
