using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Subsidies.Decide;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Subsidies.Apply;

public sealed class ResubmitInput : DecisionInput
{
    /// <summary>A corrected amount; never more than first requested.</summary>
    public decimal? AmountRequested { get; set; }
}

/// <summary>重新提交: the applicant corrects a returned application and sends it to the street again.</summary>
public sealed class ResubmitApplication(ApplicationRunner runner)
{
    public Task<ApplicationResult> HandleAsync(UserContext user, Guid id, ResubmitInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.SubsidyApply);
        return runner.RunAsync(user, id, input.Version, step =>
        {
            step.RequireState(ApplicationState.Returned, "重新提交");
            if (input.AmountRequested is { } amount)
            {
                if (amount <= 0 || amount > step.Application.AmountRequested)
                {
                    throw new InputInvalidException(new Dictionary<string, string>
                    {
                        [nameof(input.AmountRequested)] = $"申请金额应大于0且不超过原申请金额{SubsidyMoney.Format(step.Application.AmountRequested)}",
                    });
                }
                step.Application.AmountRequested = decimal.Round(amount, 2);
            }
            step.Decide(DecisionLevel.Applicant, DecisionAction.Submit, ApplicationState.AwaitingStreet, input.Comment, step.Application.AmountRequested);
            return Task.CompletedTask;
        }, ct);
    }
}
