using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Catalog.Intake;

/// <summary>One need item as the intake form shows it (a tick box).</summary>
public sealed record NeedItem(Guid Id, string Code, string FormLabel, string Name, ServiceKind Kind, bool IsDeviceNeed, int FormOrder);

/// <summary>One row of the needs checklist: a category's sub-population with its need items in form order.</summary>
public sealed record NeedRow(DisabilityCategory Category, string SubPopulation, IReadOnlyList<NeedItem> Items);

/// <summary>
/// The intake form's needs checklist for one person (national-specs §3.2, rule 3.4): the form items of a catalog
/// year effective on the intake date that apply to the person's categories, age and markers, grouped by
/// (category, sub-population) in form order. Bands and markers are data of the catalog, never code.
/// </summary>
public sealed class IntakeItems(KangfuDbFactory dbFactory, IntakeItemCache cache)
{
    /// <param name="district">District code of the catalog.</param>
    /// <param name="year">Catalog year.</param>
    /// <param name="onDate">Intake date: items must be effective on it.</param>
    /// <param name="categories">The person's component categories (多重 is ignored: pass its components).</param>
    /// <param name="age">Completed years on the intake date.</param>
    /// <param name="autism">The person is an autism target (Person.TargetType == Autism).</param>
    /// <param name="visualGrade">Grade of the visual disability when known: 1-2 shows only 盲人, 3-4 only 低视力; null shows both.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IReadOnlyList<NeedRow>> ForIntakeAsync(
        string district, int year, DateOnly onDate, IReadOnlyCollection<DisabilityCategory> categories, int age, bool autism,
        int? visualGrade = null, CancellationToken ct = default)
    {
        var items = await cache.GetAsync(district, year, async () =>
        {
            await using var db = dbFactory.CreateDbContext();
            return await db.ServiceItems.AsNoTracking()
                .Where(i => i.DistrictCode == district && i.CatalogYear == year && i.FormLabel != "")
                .ToListAsync(ct);
        });
        return Select(items, onDate, categories, age, autism, visualGrade);
    }

    /// <summary>
    /// The checklist of a registered person on the intake date, from the catalog of that date's year: categories are the
    /// person's components, the autism marker is TargetType.Autism, and a visual-only person's grade picks 盲人 or 低视力.
    /// A person without categories (未评定) gets no rows: ask the category and call <see cref="ForIntakeAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<NeedRow>> ForPersonAsync(Person person, DateOnly onDate, CancellationToken ct = default)
    {
        var categories = person.Categories != CategorySet.None || person.Category is not { } single ? person.Categories : DisabilityCategories.ToFlag(single);
        return ForIntakeAsync(person.DistrictCode, onDate.Year, onDate, DisabilityCategories.Members(categories).ToList(), person.AgeOn(onDate),
            person.TargetType == TargetType.Autism, categories == CategorySet.Visual ? person.Grade : null, ct);
    }

    /// <summary>The pure selection and grouping, over items already loaded.</summary>
    public static IReadOnlyList<NeedRow> Select(
        IEnumerable<ServiceItem> items, DateOnly onDate, IReadOnlyCollection<DisabilityCategory> categories, int age, bool autism, int? visualGrade)
    {
        return items
            .Where(i => i.FormLabel.Length > 0 && i.IsEffectiveOn(onDate) && categories.Contains(i.Category))
            .Where(i => (i.AgeMin is null || age >= i.AgeMin) && (i.AgeMax is null || age <= i.AgeMax))
            .Where(i => MarkerShown(i.Marker, autism, visualGrade))
            .OrderBy(i => i.FormOrder)
            .GroupBy(i => (i.Category, i.SubPopulation))
            .Select(g => new NeedRow(g.Key.Category, g.Key.SubPopulation,
                g.Select(i => new NeedItem(i.Id, i.Code, i.FormLabel, i.Name, i.Kind, i.IsDeviceNeed, i.FormOrder)).ToList()))
            .ToList();
    }

    public static bool MarkerShown(PopulationMarker marker, bool autism, int? visualGrade) => marker switch
    {
        PopulationMarker.Autism => autism,
        PopulationMarker.Blind => visualGrade is null or 1 or 2,
        PopulationMarker.LowVision => visualGrade is null or 3 or 4,
        _ => true,
    };
}
