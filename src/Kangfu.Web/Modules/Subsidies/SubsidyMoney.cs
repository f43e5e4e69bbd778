using System.Globalization;
using Kangfu.Web.Modules.Catalog;

namespace Kangfu.Web.Modules.Subsidies;

/// <summary>Amounts as the rules read them (pure): the most a person may get for an item in a year, and how money is shown.</summary>
public static class SubsidyMoney
{
    /// <summary>The item's yearly amount from its data: the standard (× months for monthly items), capped by the yearly cap.</summary>
    public static decimal YearlyMaximum(ServiceItem item)
    {
        var standard = item.SubsidyUnit == SubsidyUnit.PerMonth ? item.SubsidyAmount * (item.MaxMonthsPerYear ?? 12) : item.SubsidyAmount;
        return item.YearlyCap is { } cap ? Math.Min(standard, cap) : standard;
    }

    /// <summary>¥1,200.00</summary>
    public static string Format(decimal amount) => "¥" + amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
