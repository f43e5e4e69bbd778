using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Subsidies.Decide;

/// <summary>街道审批：同意 — the street passes the application on to the district.</summary>
public sealed class ApproveStreet(ApplicationRunner runner)
{
    public Task<ApplicationResult> HandleAsync(UserContext user, Guid id, DecisionInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.SubsidyApproveStreet);
        return runner.RunAsync(user, id, input.Version, step =>
        {
            step.RequireState(ApplicationState.AwaitingStreet, "街道审批");
            step.Decide(DecisionLevel.Street, DecisionAction.Approve, ApplicationState.AwaitingDistrict, input.Comment);
            return Task.CompletedTask;
        }, ct);
    }
}

/// <summary>
/// 退回: the street returns an application to the applicant; the district returns it to the street. A reason is required.
/// </summary>
public sealed class ReturnApplication(ApplicationRunner runner)
{
    public Task<ApplicationResult> HandleAsync(UserContext user, Guid id, DecisionInput input, CancellationToken ct = default) =>
        runner.RunAsync(user, id, input.Version, step =>
        {
            ApplicationStep.RequireComment(input.Comment, "退回原因");
            var level = LevelFor(user, step.Application.State, "退回");
            step.Decide(level, DecisionAction.Return, level == DecisionLevel.Street ? ApplicationState.Returned : ApplicationState.AwaitingStreet, input.Comment);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The level the user decides at for the application's current state, or a refusal.</summary>
    public static DecisionLevel LevelFor(UserContext user, ApplicationState state, string actionName)
    {
        if (state == ApplicationState.AwaitingStreet && user.Can(Permission.SubsidyApproveStreet))
        {
            return DecisionLevel.Street;
        }
        if (state == ApplicationState.AwaitingDistrict && user.Can(Permission.SubsidyApproveDistrict))
        {
            return DecisionLevel.District;
        }
        if (!user.Can(Permission.SubsidyApproveStreet) && !user.Can(Permission.SubsidyApproveDistrict))
        {
            throw new UnauthorizedAccessException("您没有执行此操作的权限。");
        }
        throw new DomainException($"申请当前状态为“{ApplicationStates.Name(state)}”，您不能执行“{actionName}”。");
    }
}

/// <summary>不予批准: a final refusal by the street or the district, with the reason.</summary>
public sealed class RejectApplication(ApplicationRunner runner)
{
    public Task<ApplicationResult> HandleAsync(UserContext user, Guid id, DecisionInput input, CancellationToken ct = default) =>
        runner.RunAsync(user, id, input.Version, step =>
        {
            ApplicationStep.RequireComment(input.Comment, "不予批准的理由");
            var level = ReturnApplication.LevelFor(user, step.Application.State, "不予批准");
            step.Decide(level, DecisionAction.Reject, ApplicationState.Rejected, input.Comment);
            return Task.CompletedTask;
        }, ct);
}
