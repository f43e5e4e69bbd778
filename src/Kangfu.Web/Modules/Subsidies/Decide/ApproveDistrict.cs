using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Subsidies.Cards;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Decide;

public sealed class DistrictApprovalInput : DecisionInput
{
    public Guid? FundSourceId { get; set; }
    /// <summary>The approved amount; defaults to the amount requested, never more.</summary>
    public decimal? Amount { get; set; }
}

/// <summary>
/// 区级审批：同意 — charges the amount to the fund source's budget of the application's year (refused when the
/// remaining budget is short) and puts the item on the person's service card of that year (issuing the card if needed).
/// The budget row is updated in the same transaction under its version, so two approvals at once cannot both spend
/// the last of a budget.
/// </summary>
public sealed class ApproveDistrict(ApplicationRunner runner, CardIssuer cards)
{
    public Task<ApplicationResult> HandleAsync(UserContext user, Guid id, DistrictApprovalInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.SubsidyApproveDistrict);
        return runner.RunAsync(user, id, input.Version, async step =>
        {
            step.RequireState(ApplicationState.AwaitingDistrict, "区级审批");
            var a = step.Application;
            var amount = input.Amount ?? a.AmountRequested;
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (input.FundSourceId is null)
            {
                errors[nameof(input.FundSourceId)] = "请选择资金来源";
            }
            if (amount <= 0 || amount > a.AmountRequested)
            {
                errors[nameof(input.Amount)] = $"批准金额应大于0且不超过申请金额{SubsidyMoney.Format(a.AmountRequested)}";
            }
            if (errors.Count > 0)
            {
                throw new InputInvalidException(errors);
            }
            var fund = await step.Db.FundSources.FirstOrDefaultAsync(f => f.DistrictCode == a.DistrictCode && f.Id == input.FundSourceId, ct)
                ?? throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.FundSourceId)] = "资金来源不存在" });
            var budget = await step.Db.Budgets.FirstOrDefaultAsync(b => b.DistrictCode == a.DistrictCode && b.FundSourceId == fund.Id && b.Year == a.Year, ct);
            if (budget is null || !budget.IsEffectiveOn(step.Today))
            {
                throw new DomainException($"{fund.Name}{a.Year}年度没有有效的预算，请先录入预算。");
            }
            if (budget.Remaining < amount)
            {
                throw new DomainException($"{fund.Name}{a.Year}年度预算剩余{SubsidyMoney.Format(budget.Remaining)}，不足以批准{SubsidyMoney.Format(amount)}。");
            }
            a.AmountApproved = amount;
            a.FundSourceId = fund.Id;
            step.Decide(DecisionLevel.District, DecisionAction.Approve, ApplicationState.Approved, input.Comment, amount);
            await step.FlushAsync(ct);
            budget.Approved += amount;
            await step.FlushAsync(ct);
            step.CardId = await cards.AddItemAsync(step, fund.Id, amount, ct);
        }, ct);
    }
}
