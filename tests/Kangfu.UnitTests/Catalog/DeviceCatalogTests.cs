using Kangfu.Web.Modules.Catalog.Devices;
using Kangfu.Web.Modules.Catalog.SaveItem;

namespace Kangfu.UnitTests.Catalog;

public sealed class DeviceCatalogTests
{
    [Fact]
    public void Duplicate_codes_get_the_next_free_sequence_of_their_division()
    {
        var rows = new List<DeviceRow>
        {
            new("103360901", "带放大镜指甲剪", "", "指甲剪", "个人护理"),
            new("103360902", "指甲钳", "", "指甲剪", "个人护理"),
            new("103360901", "放大镜指甲刀", "", "指甲刀", "个人护理"),
        };
        var (resolved, duplicates) = ImportDevices.ResolveDuplicates(rows);
        Assert.Equal(1, duplicates);
        Assert.Equal(["103360901", "103360902", "103360903"], resolved.Select(r => r.Code));
        Assert.Equal("放大镜指甲刀", resolved[2].Name);
    }

    [Theory]
    [InlineData("02 22 03双手驱动轮椅车", "双手驱动轮椅车")]
    [InlineData("06 36 03知觉辨别和知觉匹配训练\n辅助器具", "知觉辨别和知觉匹配训练辅助器具")]
    [InlineData("卧式家具/护理床", "卧式家具/护理床")]
    public void Names_lose_their_code_prefix_and_line_breaks(string cell, string name) =>
        Assert.Equal(name, DeviceCatalogReader.StripCode(cell));

    [Theory]
    [InlineData(-1, null, null, null, "SubsidyAmount")]
    [InlineData(0, 10, 6, null, "AgeMax")]
    [InlineData(0, null, null, "2025-12-31", "EffectiveTo")]
    [InlineData(100, 0, 6, "2026-12-31", null)]
    public void Item_edit_rules(decimal amount, int? min, int? max, string? to, string? field)
    {
        var input = new SaveServiceItemInput
        {
            Code = "T-01",
            Name = "测试",
            SubsidyAmount = amount,
            AgeMin = min,
            AgeMax = max,
            EffectiveFrom = new DateOnly(2026, 1, 1),
            EffectiveTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };
        var errors = SaveServiceItemRules.Validate(input);
        Assert.Equal(field is null ? [] : [field], errors.Keys);
    }
}
