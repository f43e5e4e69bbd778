using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Subsidies;

/// <summary>Where subsidy money comes from, e.g. 中央财政 / 市级财政 / 区级残疾人就业保障金.</summary>
public sealed class FundSource : ITenantEntity, IAudited
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

/// <summary>
/// The money of one fund source for one year (data, with effective dates). <see cref="Approved"/> is the sum of the
/// district approvals charged to it; every approval updates this row, so that two approvals at once cannot both pass
/// the remaining-budget check (the version check refuses the second).
/// </summary>
public sealed class Budget : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid FundSourceId { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
    public decimal Approved { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Note { get; set; }
    public Guid Version { get; set; }

    public decimal Remaining => Amount - Approved;

    public bool IsEffectiveOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);
}
