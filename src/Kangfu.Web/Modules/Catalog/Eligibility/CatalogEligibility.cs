using System.Globalization;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Ui;

namespace Kangfu.Web.Modules.Catalog.Eligibility;

/// <summary>
/// Why a person may not receive a catalog item on an application date. Pure: every rule reads the item's data
/// (category, band, grade, certificate, effective dates, caps, service life) and the given history.
/// An empty list means eligible. Messages are Chinese and shown as is.
/// </summary>
public static class CatalogEligibility
{
    public static IReadOnlyList<string> Check(ServiceItem item, Person person, DateOnly applicationDate, EligibilityHistory history)
    {
        var reasons = new List<string>();
        if (!item.IsEffectiveOn(applicationDate))
        {
            reasons.Add(item.IsActive
                ? $"该项目在{DisplayFormat.Date(applicationDate)}不在有效期内（{DisplayFormat.Date(item.EffectiveFrom)}至{DisplayFormat.Date(item.EffectiveTo)}）。"
                : "该项目已停用。");
        }
        CheckCategory(item, person, reasons);
        CheckAge(item, person.AgeOn(applicationDate), reasons);
        if (item.Marker == PopulationMarker.Autism && person.TargetType != TargetType.Autism)
        {
            reasons.Add("该项目仅适用于孤独症儿童。");
        }
        if (VisualGradeMismatch(item.Marker, person))
        {
            reasons.Add(item.Marker == PopulationMarker.Blind ? "该项目适用于盲人（视力残疾一、二级）。" : "该项目适用于低视力者（视力残疾三、四级）。");
        }
        if (item.MaxGrade is { } max && (person.Grade is not { } grade || grade > max))
        {
            reasons.Add($"残疾等级不符：该项目限{DisabilityCategories.GradeName(1)}至{DisabilityCategories.GradeName(max)}，本人为{DisabilityCategories.GradeName(person.Grade)}。");
        }
        CheckCertificate(item, person, applicationDate, reasons);
        if (item.YearlyCap is { } cap && history.AmountApprovedThisYear >= cap)
        {
            reasons.Add($"本年度已批准{Money(history.AmountApprovedThisYear)}元，已达年度上限{Money(cap)}元。");
        }
        if (item.ServiceLifeMonths is { } life && history.LastDeliveryDate is { } last && last.AddMonths(life) > applicationDate)
        {
            reasons.Add($"上次配发于{DisplayFormat.Date(last)}，使用年限{life}个月未满，{DisplayFormat.Date(last.AddMonths(life))}起可再次申请。");
        }
        return reasons;
    }

    private static void CheckCategory(ServiceItem item, Person person, List<string> reasons)
    {
        if (item.Category == DisabilityCategory.Multiple)
        {
            return;
        }
        var categories = person.Categories != CategorySet.None || person.Category is not { } single
            ? person.Categories
            : DisabilityCategories.ToFlag(single);
        if (!categories.HasFlag(DisabilityCategories.ToFlag(item.Category)))
        {
            var own = categories == CategorySet.None ? "未评定" : DisabilityCategories.Describe(categories);
            reasons.Add($"残疾类别不符：该项目适用于{DisabilityCategories.Names[item.Category]}残疾，本人为{own}。");
        }
    }

    /// <summary>Only a person whose sole category is visual has a grade that tells blind (1-2) from low vision (3-4).</summary>
    private static bool VisualGradeMismatch(PopulationMarker marker, Person person) =>
        person.Categories == CategorySet.Visual && person.Grade is { } grade
        && ((marker == PopulationMarker.Blind && grade > 2) || (marker == PopulationMarker.LowVision && grade < 3));

    private static void CheckAge(ServiceItem item, int age, List<string> reasons)
    {
        if ((item.AgeMin is { } min && age < min) || (item.AgeMax is { } max && age > max))
        {
            reasons.Add($"申请日年龄{age}岁，不在该项目的年龄范围（{AgeBand(item.AgeMin, item.AgeMax)}）内。");
        }
    }

    private static void CheckCertificate(ServiceItem item, Person person, DateOnly date, List<string> reasons)
    {
        if (!item.RequiresCertificate)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(person.CertificateNumber))
        {
            reasons.Add("该项目须持有残疾人证，本人未持证。");
        }
        else if (person.CertificateExpiry is { } expiry && expiry < date)
        {
            reasons.Add($"残疾人证已于{DisplayFormat.Date(expiry)}过期（有效期10年），请先换领。");
        }
    }

    public static string AgeBand(int? min, int? max) => (min, max) switch
    {
        (null, null) => "不限",
        ({ } a, null) => $"{a}岁及以上",
        (null, { } b) => $"{b}岁及以下",
        ({ } a, { } b) => $"{a}–{b}岁",
    };

    private static string Money(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);
}
