using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Referrals.Actions;

public sealed class ProsthesisScreeningInput : CaseInput
{
    /// <summary>有装配需求 (2-3-5 Q1); false ends the screening as 无需求.</summary>
    public bool NeedsFitting { get; set; } = true;
    /// <summary>Residual limb zones of the upper limb: 肩关节、上臂中间、肘关节、前臂中间、腕关节.</summary>
    public List<string> UpperZones { get; set; } = [];
    /// <summary>Residual limb zones of the lower limb: 髋关节、大腿中间、膝关节、小腿中间、踝关节.</summary>
    public List<string> LowerZones { get; set; } = [];
    /// <summary>The orthosis option (N.矫形器): no zones are asked.</summary>
    public bool Orthosis { get; set; }
    public List<string> BodyConditions { get; set; } = [];
    public List<string> StumpConditions { get; set; } = [];
}

/// <summary>
/// 假肢筛查 (2-3-5) → 假肢矫形器审核 (condition 6): any lower-limb zone → 长江新里程, upper-limb zones only → 其它假肢,
/// the orthosis option → 矫形器; no need → 无需求.
/// </summary>
public sealed class SubmitProsthesisScreening(CaseActionRunner runner)
{
    public static readonly string[] Upper = ["肩关节", "上臂中间", "肘关节", "前臂中间", "腕关节"];
    public static readonly string[] Lower = ["髋关节", "大腿中间", "膝关节", "小腿中间", "踝关节"];

    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, ProsthesisScreeningInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, step =>
        {
            var data = new { input.NeedsFitting, input.UpperZones, input.LowerZones, input.Orthosis, input.BodyConditions, input.StumpConditions };
            var orthosis = input.Orthosis || step.Case.ProsthesisKind == ProsthesisKind.Orthosis;
            if (!input.NeedsFitting && !orthosis)
            {
                step.Move(CaseAction.ScreeningNoNeed, input.Comment, data);
                return Task.CompletedTask;
            }
            if (input.UpperZones.Except(Upper).Any() || input.LowerZones.Except(Lower).Any())
            {
                throw new InputInvalidException(new Dictionary<string, string> { ["Zones"] = "残肢部位无效" });
            }
            var kind = input.LowerZones.Count > 0 ? ProsthesisKind.ChangjiangXinlicheng
                : input.UpperZones.Count > 0 ? ProsthesisKind.OtherProsthesis
                : orthosis ? ProsthesisKind.Orthosis
                : throw new InputInvalidException(new Dictionary<string, string> { ["Zones"] = "请在图中标出残肢部位" });
            step.Move(CaseAction.SubmitScreening, input.Comment, data);
            step.Case.ProsthesisKind = kind;
            return Task.CompletedTask;
        }, ct);
}

public sealed class AccessibilityScreeningInput : CaseInput
{
    public bool NeedsRetrofit { get; set; } = true;
    /// <summary>Problem areas found (e.g. 出入口、通道、卫生间、厨房、卧室).</summary>
    public List<string> Problems { get; set; } = [];
    /// <summary>Remedies chosen for them.</summary>
    public List<string> Remedies { get; set; } = [];
    /// <summary>The person's opinion: 同意 (true) or 不同意改造 (false).</summary>
    public bool Agrees { get; set; } = true;
}

/// <summary>无障碍筛查 (2-3-6) → 无障碍审核; 不同意 → 不同意改造; no need → 无需求.</summary>
public sealed class SubmitAccessibilityScreening(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, AccessibilityScreeningInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, step =>
        {
            var data = new { input.NeedsRetrofit, input.Problems, input.Remedies, input.Agrees };
            if (!input.NeedsRetrofit)
            {
                step.Move(CaseAction.ScreeningNoNeed, input.Comment, data);
            }
            else if (!input.Agrees)
            {
                step.Move(CaseAction.DeclineRetrofit, input.Comment, data);
            }
            else if (input.Problems.Count == 0 || input.Remedies.Count == 0)
            {
                throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Problems)] = "请选择存在的问题和改造措施" });
            }
            else
            {
                step.Move(CaseAction.SubmitScreening, input.Comment, data);
            }
            return Task.CompletedTask;
        }, ct);
}
