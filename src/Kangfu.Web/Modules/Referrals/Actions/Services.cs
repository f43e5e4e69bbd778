using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.FollowUps.Schedule;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Referrals.Actions;

/// <summary>已服务: the rehab institution (or, for 支持性服务 items only, the contracted doctor) served the case.</summary>
public sealed class MarkServed(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CaseInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            if (!user.Roles.Contains(Roles.RehabInstitution) && user.Roles.Contains(Roles.ContractedDoctor))
            {
                var kind = step.Case.ServiceItemId is { } itemId
                    ? await step.Db.ServiceItems.Where(i => i.DistrictCode == user.DistrictCode && i.Id == itemId).Select(i => (ServiceKind?)i.Kind).FirstOrDefaultAsync(ct)
                    : null;
                if (kind != ServiceKind.Support)
                {
                    throw new DomainException("社区签约医生只能为支持性服务项目标记已服务。");
                }
            }
            await Subsidies.SubsidyGuard.RequireCardItemAsync(step.Db, step.Case, ct);
            step.Move(CaseAction.MarkServed, input.Comment);
            step.Case.InstitutionId ??= user.InstitutionId;
            step.Case.CompletedOn = Platform.ChinaTime.Date(step.Now);
            await step.GrantOwnInstitutionAsync();
            await FollowUpSchedule.CreateAsync(step, ct);
        }, ct);
}

public sealed class CompletionInput : CaseInput
{
    /// <summary>Products handed over (辅具发放: required).</summary>
    public List<string> DeviceCodes { get; set; } = [];
    public DateOnly? CompletedOn { get; set; }
}

/// <summary>辅具发放完成 / 装配完成 / 改造完成 by the device service institution (the date is required; dispensing also needs the products).</summary>
public sealed class CompleteDeviceService(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CompletionInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (input.CompletedOn is not { } date)
            {
                errors[nameof(input.CompletedOn)] = "请填写完成日期";
            }
            else if (date > Platform.ChinaTime.Date(step.Now).AddDays(1))
            {
                errors[nameof(input.CompletedOn)] = "完成日期不能晚于今天";
            }
            var action = step.Case.Kind switch
            {
                CaseKind.Device => CaseAction.CompleteDispensing,
                CaseKind.Prosthesis => CaseAction.CompleteFitting,
                _ => CaseAction.CompleteRetrofit,
            };
            if (action == CaseAction.CompleteDispensing && input.DeviceCodes.All(string.IsNullOrWhiteSpace))
            {
                errors[nameof(input.DeviceCodes)] = "请填写发放的辅具产品";
            }
            if (errors.Count > 0)
            {
                throw new InputInvalidException(errors);
            }
            await Subsidies.SubsidyGuard.RequireCardItemAsync(step.Db, step.Case, ct);
            var codes = await DeviceCodes.CheckAsync(step.Db, user.DistrictCode, input.DeviceCodes, nameof(input.DeviceCodes), ct);
            step.Move(action, input.Comment, new { devices = codes, completedOn = input.CompletedOn });
            step.Case.CompletedOn = input.CompletedOn;
            step.Case.DeviceCodes = DeviceCodes.Join(codes) ?? step.Case.DeviceCodes;
            step.Case.InstitutionId ??= user.InstitutionId;
            await step.GrantOwnInstitutionAsync();
            await FollowUpSchedule.CreateAsync(step, ct);
        }, ct);
}

/// <summary>撤回: the submitting side pulls a case back while the next stage has not acted on it.</summary>
public sealed class WithdrawCase(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CaseInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, step =>
        {
            step.Move(CaseAction.Withdraw, input.Comment);
            return Task.CompletedTask;
        }, ct);
}

public sealed class CancelInput : CaseInput
{
    public CancelReason? Reason { get; set; }
    /// <summary>For 死亡 or 迁出: also cancel the person's other open cases (in the user's scope).</summary>
    public bool AlsoCancelOtherCases { get; set; }
}

/// <summary>作废: a supervisor ends the case with a reason (死亡/迁出/失访/拒绝/作废/其他).</summary>
public sealed class CancelCase(CaseActionRunner runner)
{
    public static readonly IReadOnlyDictionary<CancelReason, string> ReasonNames = new Dictionary<CancelReason, string>
    {
        [CancelReason.Deceased] = "死亡",
        [CancelReason.MovedOut] = "迁出",
        [CancelReason.LostContact] = "失访",
        [CancelReason.Refused] = "拒绝",
        [CancelReason.Voided] = "作废",
        [CancelReason.Other] = "其他",
    };

    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CancelInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            if (input.Reason is not { } reason || !ReasonNames.ContainsKey(reason))
            {
                throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Reason)] = "请选择作废原因" });
            }
            if (reason == CancelReason.Other && string.IsNullOrWhiteSpace(input.Comment))
            {
                throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Comment)] = "原因为“其他”时请填写说明" });
            }
            var why = $"{ReasonNames[reason]}{(input.Comment is { Length: > 0 } c ? "：" + c : "")}";
            step.Move(CaseAction.Cancel, why);
            step.Case.CancelReason = reason;
            if (input.AlsoCancelOtherCases && reason is CancelReason.Deceased or CancelReason.MovedOut)
            {
                var others = await (await step.Db.VisibleToAsync(user, ct))
                    .Where(x => x.PersonId == step.Case.PersonId && x.Id != step.Case.Id && x.State < CaseState.Closed).ToListAsync(ct);
                foreach (var other in others)
                {
                    step.MoveOther(other, CaseAction.Cancel, why + "（随同作废）");
                    other.CancelReason = reason;
                }
            }
        }, ct);
}
