using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Referrals.Actions;

/// <summary>开始审核: a technician of the case's direction takes it from the review queue.</summary>
public sealed class StartReview(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CaseInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            step.Move(CaseAction.StartReview, input.Comment);
            await step.GrantOwnInstitutionAsync();
        }, ct);
}

public enum DeviceReviewOutcome
{
    /// <summary>通过.</summary>
    Pass = 1,
    /// <summary>修改后通过.</summary>
    PassModified = 2,
    /// <summary>重新评估.</summary>
    Reassess = 3,
}

public sealed class DeviceReviewInput : CaseInput
{
    public DeviceReviewOutcome Outcome { get; set; }
    /// <summary>The edited device list (修改后通过).</summary>
    public List<string> DeviceCodes { get; set; } = [];
}

/// <summary>辅具审核: 通过 / 修改后通过 (with a changed device list) → 辅具服务 (condition 7); 重新评估 → 待重新评估.</summary>
public sealed class ReviewDeviceCase(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, DeviceReviewInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            switch (input.Outcome)
            {
                case DeviceReviewOutcome.Pass:
                    step.Move(CaseAction.ReviewPass, input.Comment, new { devices = Actions.DeviceCodes.Split(step.Case.DeviceCodes) });
                    break;
                case DeviceReviewOutcome.PassModified:
                    var codes = await Actions.DeviceCodes.CheckAsync(step.Db, user.DistrictCode, input.DeviceCodes, nameof(input.DeviceCodes), ct);
                    var before = Actions.DeviceCodes.Split(step.Case.DeviceCodes);
                    if (codes.Count == 0 || codes.ToHashSet().SetEquals(before))
                    {
                        throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.DeviceCodes)] = "修改后通过须修改辅具清单" });
                    }
                    step.Move(CaseAction.ReviewPassModified, input.Comment, new { before, after = codes });
                    step.Case.DeviceCodes = Actions.DeviceCodes.Join(codes);
                    break;
                case DeviceReviewOutcome.Reassess:
                    step.Move(CaseAction.ReviewReassess, input.Comment ?? throw new InputInvalidException(
                        new Dictionary<string, string> { [nameof(input.Comment)] = "请填写重新评估的原因" }));
                    break;
                default:
                    throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Outcome)] = "请选择审核结果" });
            }
        }, ct);
}

public sealed class ReassessmentInput : CaseInput
{
    public List<string> DeviceCodes { get; set; } = [];
}

/// <summary>完成重新评估 (二次评估 by the device assessment institution) → 辅具服务, without a second review.</summary>
public sealed class CompleteReassessment(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, ReassessmentInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            var codes = await DeviceCodes.CheckAsync(step.Db, user.DistrictCode, input.DeviceCodes, nameof(input.DeviceCodes), ct);
            step.Move(CaseAction.CompleteReassessment, input.Comment, new { before = DeviceCodes.Split(step.Case.DeviceCodes), after = codes });
            step.Case.DeviceCodes = DeviceCodes.Join(codes) ?? step.Case.DeviceCodes;
            await step.GrantOwnInstitutionAsync();
        }, ct);
}

public sealed class PassRejectInput : CaseInput
{
    public bool Pass { get; set; }
}

/// <summary>
/// 假肢矫形器审核: 通过 → 假矫服务 (condition 7); 未通过: 长江新里程 → 其它假肢审核, 其它假肢/矫形器 → a new device
/// case in 辅具审核.
/// </summary>
public sealed class ReviewProsthesisCase(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, PassRejectInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, step =>
        {
            if (input.Pass)
            {
                step.Move(CaseAction.ReviewPass, input.Comment);
            }
            else if (step.Case.ProsthesisKind == ProsthesisKind.ChangjiangXinlicheng)
            {
                step.Move(CaseAction.ReviewReject, input.Comment, new { from = "长江新里程", to = "其它假肢" }, CaseState.AwaitingProsthesisReview);
                step.Case.ProsthesisKind = ProsthesisKind.OtherProsthesis;
            }
            else
            {
                step.Move(CaseAction.ReviewReject, input.Comment, null, CaseState.ReferredToDevice);
                step.Spawn(CaseKind.Device, CaseState.AwaitingDeviceReview, DeviceDirection.Prosthesis | DeviceDirection.Limb);
            }
            return Task.CompletedTask;
        }, ct);
}

/// <summary>无障碍审核: 进行无障碍改造 → 待无障碍改造; 不适合无障碍改造 → a new device case in 辅具审核.</summary>
public sealed class ReviewAccessibilityCase(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, PassRejectInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, step =>
        {
            if (input.Pass)
            {
                step.Move(CaseAction.ReviewPass, input.Comment);
            }
            else
            {
                step.Move(CaseAction.ReviewReject, input.Comment, null, CaseState.ReferredToDevice);
                step.Spawn(CaseKind.Device, CaseState.AwaitingDeviceReview, DeviceDirection.Accessibility | DeviceDirection.Limb);
            }
            return Task.CompletedTask;
        }, ct);
}
