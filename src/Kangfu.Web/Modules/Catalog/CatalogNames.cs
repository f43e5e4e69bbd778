using System.Globalization;

namespace Kangfu.Web.Modules.Catalog;

/// <summary>Chinese names of the catalog's enumerations, for pages and messages.</summary>
public static class CatalogNames
{
    public static readonly IReadOnlyDictionary<ServiceKind, string> Kinds = new Dictionary<ServiceKind, string>
    {
        [ServiceKind.Assessment] = "评估",
        [ServiceKind.Surgery] = "手术",
        [ServiceKind.Medication] = "药物",
        [ServiceKind.Training] = "训练",
        [ServiceKind.Device] = "辅助器具",
        [ServiceKind.Support] = "支持性服务",
        [ServiceKind.Prevention] = "预防",
    };

    public static readonly IReadOnlyDictionary<SubsidyUnit, string> Units = new Dictionary<SubsidyUnit, string>
    {
        [SubsidyUnit.None] = "—",
        [SubsidyUnit.Once] = "元/次",
        [SubsidyUnit.PerMonth] = "元/月",
        [SubsidyUnit.PerYear] = "元/年",
        [SubsidyUnit.PerFitting] = "元/次适配",
    };

    public static string Kind(ServiceKind kind) => Kinds.GetValueOrDefault(kind, kind.ToString());

    public static string Unit(SubsidyUnit unit) => Units.GetValueOrDefault(unit, unit.ToString());

    public static string Money(decimal? amount) => amount is { } a ? a.ToString("#,0.##", CultureInfo.InvariantCulture) : "—";
}
