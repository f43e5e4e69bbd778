using Kangfu.Web.Modules.Registry;

namespace Kangfu.Web.Modules.Catalog.SaveItem;

/// <summary>The edit form of a catalog item (rules and amounts; the form wording stays as seeded).</summary>
public sealed class SaveServiceItemInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public DisabilityCategory Category { get; set; }
    public ServiceKind Kind { get; set; }
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    public int? MaxGrade { get; set; }
    public bool RequiresCertificate { get; set; }
    public decimal SubsidyAmount { get; set; }
    public SubsidyUnit SubsidyUnit { get; set; }
    public decimal? YearlyCap { get; set; }
    public int? MaxMonthsPerYear { get; set; }
    public int? ServiceLifeMonths { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Notes { get; set; }
    public Guid? Version { get; set; }

    public static SaveServiceItemInput From(ItemList.CatalogItemRow i) => new()
    {
        Code = i.Code,
        Name = i.Name,
        Category = i.Category,
        Kind = i.Kind,
        AgeMin = i.AgeMin,
        AgeMax = i.AgeMax,
        MaxGrade = i.MaxGrade,
        RequiresCertificate = i.RequiresCertificate,
        SubsidyAmount = i.SubsidyAmount,
        SubsidyUnit = i.SubsidyUnit,
        YearlyCap = i.YearlyCap,
        MaxMonthsPerYear = i.MaxMonthsPerYear,
        ServiceLifeMonths = i.ServiceLifeMonths,
        EffectiveFrom = i.EffectiveFrom,
        EffectiveTo = i.EffectiveTo,
        IsActive = i.IsActive,
        Notes = i.Notes,
        Version = i.Version,
    };

    public void ApplyTo(ServiceItem i)
    {
        i.Code = Code.Trim();
        i.Name = Name.Trim();
        i.Category = Category;
        i.Kind = Kind;
        i.AgeMin = AgeMin;
        i.AgeMax = AgeMax;
        i.MaxGrade = MaxGrade;
        i.RequiresCertificate = RequiresCertificate;
        i.SubsidyAmount = SubsidyAmount;
        i.SubsidyUnit = SubsidyUnit;
        i.YearlyCap = YearlyCap;
        i.MaxMonthsPerYear = MaxMonthsPerYear;
        i.ServiceLifeMonths = ServiceLifeMonths;
        i.EffectiveFrom = EffectiveFrom;
        i.EffectiveTo = EffectiveTo;
        i.IsActive = IsActive;
        i.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }
}
