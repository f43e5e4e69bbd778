using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Budgets;

public sealed record BudgetRow(Guid Id, Guid FundSourceId, string FundSource, int Year, decimal Amount, decimal Approved, decimal Remaining,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, Guid Version);

public sealed record FundOption(Guid Id, string Name);

/// <summary>Budgets of the district for a year, with what is approved and what remains.</summary>
public sealed class BudgetQuery(KangfuDbFactory dbFactory)
{
    public async Task<IReadOnlyList<BudgetRow>> HandleAsync(UserContext user, int year, CancellationToken ct = default)
    {
        user.Demand(Permission.SubsidyRead);
        await using var db = dbFactory.CreateDbContext();
        var rows = await (from b in db.Budgets
                          join f in db.FundSources on new { b.DistrictCode, Id = b.FundSourceId } equals new { f.DistrictCode, f.Id }
                          where b.DistrictCode == user.DistrictCode && b.Year == year
                          select new { b.Id, b.FundSourceId, f.Name, b.Year, b.Amount, b.Approved, b.EffectiveFrom, b.EffectiveTo, b.Version })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new BudgetRow(r.Id, r.FundSourceId, r.Name, r.Year, r.Amount, r.Approved, r.Amount - r.Approved, r.EffectiveFrom, r.EffectiveTo, r.Version))
            .ToList();
    }

    public async Task<IReadOnlyList<FundOption>> FundsAsync(UserContext user, CancellationToken ct = default)
    {
        user.Demand(Permission.SubsidyRead);
        await using var db = dbFactory.CreateDbContext();
        var funds = await db.FundSources.Where(f => f.DistrictCode == user.DistrictCode && f.IsActive).Select(f => new FundOption(f.Id, f.Name)).ToListAsync(ct);
        return funds.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }
}
