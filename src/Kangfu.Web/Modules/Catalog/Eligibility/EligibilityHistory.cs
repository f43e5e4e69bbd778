namespace Kangfu.Web.Modules.Catalog.Eligibility;

/// <summary>What the person already received of one item: the amount approved in the item's year and the last delivery.</summary>
public sealed record EligibilityHistory(decimal AmountApprovedThisYear, DateOnly? LastDeliveryDate)
{
    public static readonly EligibilityHistory None = new(0m, null);
}
