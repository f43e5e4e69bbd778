using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Budgets;

public sealed class BudgetInput
{
    /// <summary>An existing fund source, or none to create one named <see cref="FundSourceName"/>.</summary>
    public Guid? FundSourceId { get; set; }
    public string? FundSourceName { get; set; }
    public int Year { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Note { get; set; }
    /// <summary>The version of the budget being edited (ignored for a new budget).</summary>
    public Guid Version { get; set; }
}

public sealed record BudgetResult(Guid Id, Guid FundSourceId, Guid Version);

/// <summary>
/// 预算录入: the yearly amount of a fund source (data with effective dates, audited). The amount can never go below
/// what is already approved against it.
/// </summary>
public sealed class SaveBudget(KangfuDbFactory dbFactory)
{
    public async Task<BudgetResult> HandleAsync(UserContext user, BudgetInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.BudgetManage);
        Validate(input);
        await using var db = dbFactory.CreateDbContext();
        var fund = input.FundSourceId is { } fundId
            ? await db.FundSources.FirstOrDefaultAsync(f => f.DistrictCode == user.DistrictCode && f.Id == fundId, ct) ?? throw new NotFoundException()
            : await db.FundSources.FirstOrDefaultAsync(f => f.DistrictCode == user.DistrictCode && f.Name == input.FundSourceName!.Trim(), ct);
        if (fund is null)
        {
            fund = new FundSource { DistrictCode = user.DistrictCode, Id = Guid.CreateVersion7(), Name = input.FundSourceName!.Trim() };
            db.FundSources.Add(fund);
        }
        var budget = await db.Budgets.FirstOrDefaultAsync(b => b.DistrictCode == user.DistrictCode && b.FundSourceId == fund.Id && b.Year == input.Year, ct);
        if (budget is null)
        {
            budget = new Budget { DistrictCode = user.DistrictCode, Id = Guid.CreateVersion7(), FundSourceId = fund.Id, Year = input.Year };
            db.Budgets.Add(budget);
        }
        else if (budget.Version != input.Version)
        {
            throw new ConcurrencyConflictException("该预算已被其他用户修改，请刷新后重试。");
        }
        if (input.Amount < budget.Approved)
        {
            throw new DomainException($"{fund.Name}{input.Year}年度已批准{SubsidyMoney.Format(budget.Approved)}，预算不能少于已批准金额。");
        }
        budget.Amount = input.Amount!.Value;
        budget.EffectiveFrom = input.EffectiveFrom ?? new DateOnly(input.Year, 1, 1);
        budget.EffectiveTo = input.EffectiveTo ?? new DateOnly(input.Year, 12, 31);
        budget.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        await Decide.ApplicationRunner.SaveAsync(db, ct);
        return new BudgetResult(budget.Id, fund.Id, budget.Version);
    }

    private static void Validate(BudgetInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.FundSourceId is null && string.IsNullOrWhiteSpace(input.FundSourceName))
        {
            errors[nameof(input.FundSourceName)] = "请选择或填写资金来源";
        }
        if (input.Year is < 2000 or > 2100)
        {
            errors[nameof(input.Year)] = "请填写正确的年度";
        }
        if (input.Amount is not { } amount || amount < 0)
        {
            errors[nameof(input.Amount)] = "请填写预算金额（不小于0）";
        }
        if (input.EffectiveFrom is { } from && input.EffectiveTo is { } to && to < from)
        {
            errors[nameof(input.EffectiveTo)] = "失效日期不能早于生效日期";
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
    }
}
