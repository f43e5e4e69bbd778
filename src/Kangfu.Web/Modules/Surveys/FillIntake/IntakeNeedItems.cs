using Kangfu.Web.Modules.Catalog.Intake;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>
/// The needs checklist of the form for the chosen categories, the age on the fill date and the autism marker
/// (rule 3.4), from the catalog of the fill date's year. The form's one grade picks 盲人 or 低视力 only when
/// vision is the person's only category; otherwise both vision rows are shown and the worker ticks the right one.
/// </summary>
public sealed class IntakeNeedItems(IntakeItems catalog)
{
    public async Task<IReadOnlyList<NeedRow>> RowsAsync(string district, DateOnly on, IReadOnlyCollection<DisabilityCategory> categories,
        int age, bool autism, int? grade, CancellationToken ct = default)
    {
        if (categories.Count == 0)
        {
            return [];
        }
        var visualGrade = categories.Count == 1 && categories.Contains(DisabilityCategory.Visual) ? grade : null;
        var rows = await catalog.ForIntakeAsync(district, on.Year, on, categories, age, autism, visualGrade, ct);
        return rows.Select(r => new NeedRow(r.Category, r.SubPopulation,
            r.Items.Select(i => new Surveys.FillIntake.NeedItem(i.Id, i.FormLabel, i.IsDeviceNeed, i.Code, i.Name)).ToList())).ToList();
    }
}
