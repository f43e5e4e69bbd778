using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Catalog.CopyCatalog;

public sealed record CopyCatalogResult(int TargetYear, int Copied);

/// <summary>
/// Starts next year's catalog as a copy of this year's: new rows (new ids, same codes and rules) effective from
/// 1 January of the new year. Refuses when the target year already has items, so a year is never overwritten.
/// </summary>
public sealed class CopyCatalogToNextYear(KangfuDbFactory dbFactory)
{
    public async Task<CopyCatalogResult> HandleAsync(UserContext user, int fromYear, CancellationToken ct = default)
    {
        user.Demand(Permission.CatalogManage);
        var target = fromYear + 1;
        await using var db = dbFactory.CreateDbContext();
        var items = db.ServiceItems.Where(i => i.DistrictCode == user.DistrictCode);
        if (await items.AnyAsync(i => i.CatalogYear == target, ct))
        {
            throw new DomainException($"{target}年度目录已存在，不能重复复制。");
        }
        var source = await items.AsNoTracking().Where(i => i.CatalogYear == fromYear).ToListAsync(ct);
        if (source.Count == 0)
        {
            throw new DomainException($"{fromYear}年度目录为空，无法复制。");
        }
        foreach (var item in source)
        {
            db.ServiceItems.Add(NextYear(item, target));
        }
        await db.SaveChangesAsync(ct);
        return new CopyCatalogResult(target, source.Count);
    }

    private static ServiceItem NextYear(ServiceItem item, int year)
    {
        var shift = year - item.CatalogYear;
        item.Id = Guid.CreateVersion7();
        item.CatalogYear = year;
        item.EffectiveFrom = new DateOnly(year, 1, 1);
        item.EffectiveTo = item.EffectiveTo is { } to ? to.AddYears(shift) : null;
        if (item.EffectiveTo < item.EffectiveFrom)
        {
            item.EffectiveTo = new DateOnly(year, 12, 31);
        }
        return item;
    }
}
