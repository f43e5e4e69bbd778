using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Catalog.ItemList;

public sealed record CatalogItemFilter(int Year, DisabilityCategory? Category = null, ServiceKind? Kind = null);

/// <summary>A catalog item as the list and the API show it.</summary>
public sealed record CatalogItemRow(
    Guid Id, int CatalogYear, string Code, string Name, string FormLabel, DisabilityCategory Category, string SubPopulation,
    PopulationMarker Marker, int? AgeMin, int? AgeMax, int FormOrder, ServiceKind Kind, bool IsDeviceNeed, bool RequiresCertificate,
    int? MaxGrade, decimal SubsidyAmount, SubsidyUnit SubsidyUnit, decimal? YearlyCap, int? MaxMonthsPerYear, int? ServiceLifeMonths,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool IsActive, string? Notes, Guid Version);

/// <summary>The items of a district's catalog year in form order; readable by every signed-in role.</summary>
public sealed class CatalogItemsQuery(KangfuDbFactory dbFactory)
{
    public async Task<IReadOnlyList<CatalogItemRow>> HandleAsync(string districtCode, CatalogItemFilter filter, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var items = db.ServiceItems.AsNoTracking().Where(i => i.DistrictCode == districtCode && i.CatalogYear == filter.Year);
        if (filter.Category is { } category)
        {
            items = items.Where(i => i.Category == category);
        }
        if (filter.Kind is { } kind)
        {
            items = items.Where(i => i.Kind == kind);
        }
        return await Project(items.OrderBy(i => i.FormOrder).ThenBy(i => i.Code)).ToListAsync(ct);
    }

    public async Task<CatalogItemRow?> ByIdAsync(string districtCode, Guid id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await Project(db.ServiceItems.AsNoTracking().Where(i => i.DistrictCode == districtCode && i.Id == id)).FirstOrDefaultAsync(ct);
    }

    private static IQueryable<CatalogItemRow> Project(IQueryable<ServiceItem> items) => items.Select(i => new CatalogItemRow(
            i.Id, i.CatalogYear, i.Code, i.Name, i.FormLabel, i.Category, i.SubPopulation, i.Marker, i.AgeMin, i.AgeMax, i.FormOrder,
            i.Kind, i.IsDeviceNeed, i.RequiresCertificate, i.MaxGrade, i.SubsidyAmount, i.SubsidyUnit, i.YearlyCap, i.MaxMonthsPerYear,
            i.ServiceLifeMonths, i.EffectiveFrom, i.EffectiveTo, i.IsActive, i.Notes, i.Version));

    /// <summary>The catalog years of the district, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string districtCode, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.ServiceItems.Where(i => i.DistrictCode == districtCode).Select(i => i.CatalogYear).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);
    }
}
