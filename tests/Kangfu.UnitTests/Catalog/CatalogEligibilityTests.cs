using System.Globalization;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Catalog.Eligibility;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.UnitTests.Catalog;

public sealed class CatalogEligibilityTests
{
    private static readonly DateOnly Apply = new(2026, 6, 1);

    private static ServiceItem Item(DisabilityCategory category = DisabilityCategory.Physical, int? min = null, int? max = null) => new()
    {
        Code = "T-01",
        Name = "测试项目",
        Category = category,
        AgeMin = min,
        AgeMax = max,
        EffectiveFrom = new DateOnly(2026, 1, 1),
        EffectiveTo = new DateOnly(2026, 12, 31),
        IsActive = true,
    };

    private static Person Person(CategorySet categories = CategorySet.Physical, string birth = "1980-01-01", int? grade = 2,
        string? certificate = "X", string? issued = "2020-01-01", TargetType target = TargetType.Certified) => new()
        {
            Name = "测试",
            BirthDate = D(birth),
            Categories = categories,
            Category = categories == CategorySet.Physical ? DisabilityCategory.Physical : DisabilityCategory.Multiple,
            Grade = grade,
            CertificateNumber = certificate,
            CertificateIssueDate = issued is null ? null : D(issued),
            TargetType = target,
        };

    [Fact]
    public void Eligible_person_gets_no_reasons() =>
        Assert.Empty(CatalogEligibility.Check(Item(), Person(), Apply, EligibilityHistory.None));

    [Theory]
    [InlineData(CategorySet.Visual, DisabilityCategory.Physical, "残疾类别不符")]
    [InlineData(CategorySet.Visual | CategorySet.Hearing, DisabilityCategory.Physical, "残疾类别不符")]
    [InlineData(CategorySet.Visual | CategorySet.Physical, DisabilityCategory.Physical, null)]
    [InlineData(CategorySet.Hearing, DisabilityCategory.Multiple, null)]
    public void Category_must_be_one_of_the_persons_components(CategorySet categories, DisabilityCategory itemCategory, string? reason) =>
        AssertReason(CatalogEligibility.Check(Item(itemCategory), Person(categories), Apply, EligibilityHistory.None), reason);

    [Theory]
    [InlineData("2019-06-02", 0, 6, null)]       // 6 on the application date
    [InlineData("2019-06-01", 0, 6, "年龄7岁")]    // 7th birthday on the application date
    [InlineData("2009-06-02", 18, null, "年龄16岁")]
    [InlineData("2008-06-01", 18, null, null)]
    public void Age_on_the_application_date_must_be_inside_the_band(string birth, int? min, int? max, string? reason) =>
        AssertReason(CatalogEligibility.Check(Item(min: min, max: max), Person(birth: birth), Apply, EligibilityHistory.None), reason);

    [Theory]
    [InlineData(2, 2, null)]
    [InlineData(2, 1, null)]
    [InlineData(2, 3, "残疾等级不符")]
    [InlineData(2, null, "残疾等级不符")]
    public void Grade_must_not_be_milder_than_the_maximum(int maxGrade, int? grade, string? reason)
    {
        var item = Item();
        item.MaxGrade = maxGrade;
        AssertReason(CatalogEligibility.Check(item, Person(grade: grade), Apply, EligibilityHistory.None), reason);
    }

    [Theory]
    [InlineData("X", "2020-01-01", null)]
    [InlineData(null, null, "未持证")]
    [InlineData("X", "2016-05-31", "已于2026年5月31日过期")]
    [InlineData("X", "2016-06-01", null)]
    public void Certificate_must_be_held_and_valid_for_ten_years(string? certificate, string? issued, string? reason)
    {
        var item = Item();
        item.RequiresCertificate = true;
        AssertReason(CatalogEligibility.Check(item, Person(certificate: certificate, issued: issued), Apply, EligibilityHistory.None), reason);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", true, null)]
    [InlineData("2026-07-01", null, true, "不在有效期内")]
    [InlineData("2025-01-01", "2025-12-31", true, "不在有效期内")]
    [InlineData("2026-01-01", "2026-12-31", false, "已停用")]
    public void Item_must_be_effective_on_the_application_date(string from, string? to, bool active, string? reason)
    {
        var item = Item();
        (item.EffectiveFrom, item.EffectiveTo, item.IsActive) = (D(from), to is null ? null : D(to), active);
        AssertReason(CatalogEligibility.Check(item, Person(), Apply, EligibilityHistory.None), reason);
    }

    [Theory]
    [InlineData(14999, null)]
    [InlineData(15000, "已达年度上限15,000元")]
    public void Yearly_cap_already_used_blocks(decimal approved, string? reason)
    {
        var item = Item();
        item.YearlyCap = 15000m;
        AssertReason(CatalogEligibility.Check(item, Person(), Apply, new EligibilityHistory(approved, null)), reason);
    }

    [Theory]
    [InlineData("2022-06-02", "使用年限48个月未满")]
    [InlineData("2022-06-01", null)]
    public void Device_service_life_must_have_elapsed(string lastDelivery, string? reason)
    {
        var item = Item();
        item.ServiceLifeMonths = 48;
        AssertReason(CatalogEligibility.Check(item, Person(), Apply, new EligibilityHistory(0, D(lastDelivery))), reason);
    }

    [Theory]
    [InlineData(TargetType.Autism, null)]
    [InlineData(TargetType.Certified, "孤独症")]
    public void Autism_items_need_the_autism_target(TargetType target, string? reason)
    {
        var item = Item(DisabilityCategory.Mental, 0, 6);
        item.Marker = PopulationMarker.Autism;
        AssertReason(CatalogEligibility.Check(item, Person(CategorySet.Mental, "2022-01-01", null, target: target), Apply, EligibilityHistory.None), reason);
    }

    [Theory]
    [InlineData(PopulationMarker.Blind, CategorySet.Visual, 2, null)]
    [InlineData(PopulationMarker.Blind, CategorySet.Visual, 3, "盲人")]
    [InlineData(PopulationMarker.LowVision, CategorySet.Visual, 4, null)]
    [InlineData(PopulationMarker.LowVision, CategorySet.Visual, 1, "低视力")]
    [InlineData(PopulationMarker.LowVision, CategorySet.Visual | CategorySet.Physical, 1, null)]
    public void Visual_markers_follow_the_grade_of_a_visual_only_person(PopulationMarker marker, CategorySet categories, int grade, string? reason)
    {
        var item = Item(DisabilityCategory.Visual);
        item.Marker = marker;
        AssertReason(CatalogEligibility.Check(item, Person(categories, grade: grade), Apply, EligibilityHistory.None), reason);
    }

    [Fact]
    public void Several_failures_are_all_reported()
    {
        var item = Item(DisabilityCategory.Hearing, 0, 6);
        item.RequiresCertificate = true;
        Assert.Equal(3, CatalogEligibility.Check(item, Person(certificate: null), Apply, EligibilityHistory.None).Count);
    }

    private static void AssertReason(IReadOnlyList<string> reasons, string? expected)
    {
        if (expected is null)
        {
            Assert.Empty(reasons);
        }
        else
        {
            Assert.Contains(reasons, r => r.Contains(expected, StringComparison.Ordinal));
        }
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);
}
