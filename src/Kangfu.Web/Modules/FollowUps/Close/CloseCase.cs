using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Referrals.Actions;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.FollowUps.Close;

public sealed class CloseInput : CaseInput
{
    /// <summary>结案评估: 有效 / 有进步 / 无效.</summary>
    public CaseOutcome? Outcome { get; set; }
}

/// <summary>结案: only when every follow-up of the case is done or marked 失访, with the outcome evaluation.</summary>
public sealed class CloseCase(CaseActionRunner runner)
{
    public static readonly IReadOnlyDictionary<CaseOutcome, string> OutcomeNames = new Dictionary<CaseOutcome, string>
    {
        [CaseOutcome.Effective] = "有效",
        [CaseOutcome.Improved] = "有进步",
        [CaseOutcome.Ineffective] = "无效",
    };

    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CloseInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            if (input.Outcome is not { } outcome || !OutcomeNames.ContainsKey(outcome))
            {
                throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Outcome)] = "请选择结案评估结果（有效 / 有进步 / 无效）" });
            }
            var open = await step.Db.FollowUps
                .Where(f => f.DistrictCode == step.Case.DistrictCode && f.CaseId == step.Case.Id && f.Status == FollowUpStatus.Pending)
                .OrderBy(f => f.Sequence).Select(f => f.Kind).ToListAsync(ct);
            if (open.Count > 0 && step.Case.State == CaseState.FollowUpDue)
            {
                throw new DomainException($"还有未完成的回访（{string.Join("、", open.Select(FollowUpForms.KindName))}），完成回访或标记失访后才能结案。");
            }
            step.Move(CaseAction.Close, $"结案评估：{OutcomeNames[outcome]}" + (string.IsNullOrWhiteSpace(input.Comment) ? "" : "；" + input.Comment.Trim()));
            step.Case.Outcome = outcome;
        }, ct);
}
