using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Budgets;

/// <summary>Demo fund sources and budgets of a year (idempotent), so that approvals work in the demo district.</summary>
public sealed class DemoBudgets(KangfuDbFactory dbFactory)
{
    private static readonly (string Name, decimal Amount)[] Funds =
    [
        ("中央财政补助资金", 2_000_000m),
        ("市级财政资金", 1_200_000m),
        ("区级残疾人就业保障金", 800_000m),
    ];

    public async Task EnsureAsync(string districtCode, int year, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.FundSources.Where(f => f.DistrictCode == districtCode).ToDictionaryAsync(f => f.Name, ct);
        var budgets = await db.Budgets.Where(b => b.DistrictCode == districtCode && b.Year == year).Select(b => b.FundSourceId).ToListAsync(ct);
        foreach (var (name, amount) in Funds)
        {
            if (!existing.TryGetValue(name, out var fund))
            {
                fund = new FundSource { DistrictCode = districtCode, Id = Guid.CreateVersion7(), Name = name };
                db.FundSources.Add(fund);
            }
            if (!budgets.Contains(fund.Id))
            {
                db.Budgets.Add(new Budget
                {
                    DistrictCode = districtCode,
                    Id = Guid.CreateVersion7(),
                    FundSourceId = fund.Id,
                    Year = year,
                    Amount = amount,
                    EffectiveFrom = new DateOnly(year, 1, 1),
                    EffectiveTo = new DateOnly(year, 12, 31),
                    Note = "演示数据",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
