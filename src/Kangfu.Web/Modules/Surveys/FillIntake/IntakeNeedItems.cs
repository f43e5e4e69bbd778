using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>
/// The needs checklist of the form for chosen categories, the age on the fill date and the autism marker (rule 3.4).
/// A small query of this module's own over the catalog until the catalog's ForIntakeAsync lands.
/// </summary>
public sealed class IntakeNeedItems(KangfuDbFactory dbFactory)
{
    public async Task<IReadOnlyList<NeedRow>> RowsAsync(string district, DateOnly on, IReadOnlyCollection<DisabilityCategory> categories,
        int age, bool autism, int? grade, CancellationToken ct = default)
    {
        if (categories.Count == 0)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var items = await db.ServiceItems.AsNoTracking()
            .Where(i => i.DistrictCode == district && i.IsActive && i.FormLabel != "" && categories.Contains(i.Category))
            .ToListAsync(ct);
        return Rows(items, on, age, autism, grade);
    }

    public static IReadOnlyList<NeedRow> Rows(IEnumerable<ServiceItem> items, DateOnly on, int age, bool autism, int? grade) =>
        items.Where(i => i.IsEffectiveOn(on) && i.AppliesTo(age, MarkerFor(i, autism, grade)))
            .OrderBy(i => i.Category).ThenBy(i => i.FormOrder)
            .GroupBy(i => (i.Category, i.SubPopulation))
            .Select(g => new NeedRow(g.Key.Category, g.Key.SubPopulation,
                g.Select(i => new NeedItem(i.Id, i.FormLabel, i.IsDeviceNeed, i.Code, i.Name)).ToList()))
            .ToList();

    /// <summary>
    /// The person's marker as the item asks it: autism from the form; 盲人 for vision grades 一/二级 and 低视力 for
    /// 三/四级 (GB/T 26341); with no grade both vision rows are shown and the worker ticks the right one.
    /// </summary>
    private static PopulationMarker MarkerFor(ServiceItem item, bool autism, int? grade) => item.Marker switch
    {
        PopulationMarker.Autism => autism ? PopulationMarker.Autism : PopulationMarker.None,
        PopulationMarker.Blind or PopulationMarker.LowVision => grade switch
        {
            null => item.Marker,
            <= 2 => PopulationMarker.Blind,
            _ => PopulationMarker.LowVision,
        },
        _ => PopulationMarker.None,
    };
}
