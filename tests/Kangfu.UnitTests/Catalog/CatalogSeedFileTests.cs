using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Catalog.Seeding;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.UnitTests.Catalog;

/// <summary>The seed file carries the national home-intake form's needs checklist exactly (national-specs §3.2).</summary>
public sealed class CatalogSeedFileTests
{
    private static readonly IReadOnlyList<CatalogSeedRow> Rows = CatalogSeedFile.Read();

    public static TheoryData<DisabilityCategory, string, string[]> NationalRows => new()
    {
        { DisabilityCategory.Visual, "1. 盲人", ["白内障复明手术", "辅助器具适配及服务", "定向行走及适应训练", "支持性服务"] },
        { DisabilityCategory.Visual, "2. 低视力", ["辅助器具适配及服务", "视功能训练"] },
        { DisabilityCategory.Hearing, "1. 0-6岁儿童", ["人工耳蜗植入手术", "辅助器具适配及服务", "听觉言语功能训练", "支持性服务"] },
        { DisabilityCategory.Hearing, "2. 7—17岁儿童", ["辅助器具适配及适应训练", "支持性服务"] },
        { DisabilityCategory.Hearing, "3. 成人", ["辅助器具适配及适应训练"] },
        { DisabilityCategory.Physical, "1. 0-6岁儿童", ["矫治手术", "运动及适应训练", "辅助器具适配及服务", "支持性服务"] },
        { DisabilityCategory.Physical, "2. 7-17儿童及成人", ["康复治疗及训练", "辅助器具适配及服务", "支持性服务"] },
        { DisabilityCategory.Intellectual, "1. 0-6岁儿童", ["认知及适应训练", "支持性服务"] },
        { DisabilityCategory.Intellectual, "2. 7-17儿童及成人", ["认知及适应训练", "支持性服务"] },
        { DisabilityCategory.Mental, "1. 0-6岁孤独症儿童", ["沟通及适应训练", "支持性服务"] },
        { DisabilityCategory.Mental, "2. 7-17孤独症", ["沟通及适应训练", "支持性服务"] },
        { DisabilityCategory.Mental, "3. 成年精神残疾人", ["精神疾病药物治疗", "精神障碍作业疗法训练", "支持性服务"] },
    };

    [Theory]
    [MemberData(nameof(NationalRows))]
    public void Every_row_of_the_national_form_has_its_items_verbatim_in_form_order(DisabilityCategory category, string subPopulation, string[] labels)
    {
        var items = Rows.Where(r => r.Category == category && r.SubPopulation == subPopulation).OrderBy(r => r.FormOrder).ToList();
        Assert.Equal(labels, items.Select(i => i.FormLabel));
        Assert.All(items, i => Assert.Equal(i.FormLabel is "辅助器具适配及服务" or "辅助器具适配及适应训练", i.IsDeviceNeed));
    }

    [Fact]
    public void The_form_has_twelve_national_rows_and_thirty_one_items_plus_the_speech_extension_and_two_assessments()
    {
        var national = Rows.Where(r => r.FormLabel.Length > 0 && r.Code != "S-TRN-01").ToList();
        Assert.Equal(12, national.Select(r => (r.Category, r.SubPopulation)).Distinct().Count());
        Assert.Equal(31, national.Count);
        var speech = Assert.Single(Rows, r => r.Category == DisabilityCategory.Speech);
        Assert.Equal((0, 6, ServiceKind.Training), (speech.AgeMin, speech.AgeMax, speech.Kind));
        Assert.Contains("本地扩展", speech.Notes, StringComparison.Ordinal);
        Assert.Equal(["X-ASM-01", "X-ASM-02"], Rows.Where(r => r.Kind == ServiceKind.Assessment).Select(r => r.Code));
    }

    [Fact]
    public void Codes_and_form_orders_are_unique_and_bands_are_sane()
    {
        Assert.Equal(Rows.Count, Rows.Select(r => r.Code).Distinct().Count());
        Assert.Equal(Rows.Count, Rows.Select(r => r.FormOrder).Distinct().Count());
        Assert.All(Rows, r => Assert.True(r.AgeMin is null || r.AgeMax is null || r.AgeMin <= r.AgeMax, r.Code));
        Assert.All(Rows, r => Assert.True(r.SubsidyAmount >= 0, r.Code));
    }

    [Theory]
    [InlineData("1. 盲人", PopulationMarker.Blind, null, null)]
    [InlineData("2. 低视力", PopulationMarker.LowVision, null, null)]
    [InlineData("2. 7—17岁儿童", PopulationMarker.None, 7, 17)]
    [InlineData("3. 成人", PopulationMarker.None, 18, null)]
    [InlineData("2. 7-17儿童及成人", PopulationMarker.None, 7, null)]
    [InlineData("2. 7-17孤独症", PopulationMarker.Autism, 7, 17)]
    [InlineData("3. 成年精神残疾人", PopulationMarker.None, 18, null)]
    public void Sub_populations_carry_their_band_and_marker_as_data(string subPopulation, PopulationMarker marker, int? min, int? max)
    {
        Assert.All(Rows.Where(r => r.SubPopulation == subPopulation), r => Assert.Equal((marker, min, max), (r.Marker, r.AgeMin, r.AgeMax)));
    }

    [Fact]
    public void Seed_amounts_of_domain_5_2_are_kept()
    {
        var h = Rows.Single(r => r.Code == "H-TRN-01");
        Assert.Equal((1500m, SubsidyUnit.PerMonth, 15000m, 10), (h.SubsidyAmount, h.SubsidyUnit, h.YearlyCap, h.MaxMonthsPerYear));
        var wheelchair = Rows.Single(r => r.Code == "L-DEV-02");
        Assert.Equal((1200m, 48), (wheelchair.SubsidyAmount, wheelchair.ServiceLifeMonths));
        Assert.Equal(12000m, Rows.Single(r => r.Code == "H-MED-01").SubsidyAmount);
    }
}
