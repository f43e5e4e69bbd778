using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Catalog;

/// <summary>Kinds of basic rehabilitation service (domain.md §5.1); open-ended on purpose.</summary>
public enum ServiceKind
{
    Assessment = 1,
    Surgery = 2,
    Medication = 3,
    Training = 4,
    Device = 5,
    Support = 6,
    Prevention = 7,
}

/// <summary>Extra marker of a sub-population on the national form (盲人 / 低视力 / 孤独症).</summary>
public enum PopulationMarker
{
    None = 0,
    Blind = 1,
    LowVision = 2,
    Autism = 3,
}

public enum SubsidyUnit
{
    None = 0,
    Once = 1,
    PerMonth = 2,
    PerYear = 3,
    PerFitting = 4,
}

/// <summary>
/// One item of the basic rehabilitation service catalog for one catalog year, as data: who is eligible
/// (category, sub-population and age band, grade, certificate), what it is (kind, device need) and what is
/// paid (standard, unit, yearly cap, duration cap, device service life). Versioned by year and effective dates.
/// </summary>
public sealed class ServiceItem : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public int CatalogYear { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The need item's words on the national home-intake form, e.g. 辅助器具适配及服务.</summary>
    public string FormLabel { get; set; } = "";
    public DisabilityCategory Category { get; set; }
    /// <summary>The form's sub-population row, e.g. 0-6岁儿童 / 7-17儿童及成人 / 盲人.</summary>
    public string SubPopulation { get; set; } = "";
    public PopulationMarker Marker { get; set; }
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    /// <summary>Order of the row and item on the form.</summary>
    public int FormOrder { get; set; }
    public ServiceKind Kind { get; set; }
    /// <summary>Device needs go to the device home assessment whatever the direction (routing condition 1).</summary>
    public bool IsDeviceNeed { get; set; }
    public bool RequiresCertificate { get; set; }
    /// <summary>Most severe to least severe grade allowed (1..4); null = any grade.</summary>
    public int? MaxGrade { get; set; }
    public decimal SubsidyAmount { get; set; }
    public SubsidyUnit SubsidyUnit { get; set; }
    public decimal? YearlyCap { get; set; }
    public int? MaxMonthsPerYear { get; set; }
    public int? ServiceLifeMonths { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Notes { get; set; }
    public Guid Version { get; set; }

    public bool AppliesTo(int age, PopulationMarker marker) =>
        (AgeMin is null || age >= AgeMin) && (AgeMax is null || age <= AgeMax) && (Marker == PopulationMarker.None || Marker == marker);

    public bool IsEffectiveOn(DateOnly date) => IsActive && EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);
}
