using Kangfu.Web.Modules.Catalog.Intake;
using Kangfu.Web.Modules.Catalog.Seeding;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.UnitTests.Catalog;

/// <summary>The needs checklist the intake shows for a person, over the seeded 2026 catalog.</summary>
public sealed class IntakeItemsTests
{
    private static readonly DateOnly On = new(2026, 6, 1);
    private static readonly List<Kangfu.Web.Modules.Catalog.ServiceItem> Items =
        CatalogSeedFile.Read().Select(r => CatalogSeeder.ToItem("120116", 2026, r)).ToList();

    private static IReadOnlyList<NeedRow> For(DisabilityCategory[] categories, int age, bool autism = false, int? visualGrade = null) =>
        IntakeItems.Select(Items, On, categories, age, autism, visualGrade);

    [Theory]
    [InlineData(DisabilityCategory.Hearing, 4, "1. 0-6岁儿童", 4)]
    [InlineData(DisabilityCategory.Hearing, 12, "2. 7—17岁儿童", 2)]
    [InlineData(DisabilityCategory.Hearing, 40, "3. 成人", 1)]
    [InlineData(DisabilityCategory.Physical, 7, "2. 7-17儿童及成人", 3)]
    [InlineData(DisabilityCategory.Intellectual, 6, "1. 0-6岁儿童", 2)]
    [InlineData(DisabilityCategory.Mental, 30, "3. 成年精神残疾人", 3)]
    [InlineData(DisabilityCategory.Speech, 3, "1. 0-6岁儿童", 1)]
    public void One_category_shows_the_row_of_the_age(DisabilityCategory category, int age, string row, int items)
    {
        var rows = For([category], age);
        var single = Assert.Single(rows);
        Assert.Equal(row, single.SubPopulation);
        Assert.Equal(items, single.Items.Count);
        Assert.Equal(single.Items.OrderBy(i => i.FormOrder), single.Items);
    }

    [Theory]
    [InlineData(null, new[] { "1. 盲人", "2. 低视力" })]
    [InlineData(2, new[] { "1. 盲人" })]
    [InlineData(3, new[] { "2. 低视力" })]
    public void Visual_rows_follow_the_grade_when_known(int? grade, string[] rows) =>
        Assert.Equal(rows, For([DisabilityCategory.Visual], 50, visualGrade: grade).Select(r => r.SubPopulation));

    [Theory]
    [InlineData(true, 5, "1. 0-6岁孤独症儿童")]
    [InlineData(true, 10, "2. 7-17孤独症")]
    [InlineData(false, 5, null)]
    public void Autism_rows_need_the_marker(bool autism, int age, string? row) =>
        Assert.Equal(row is null ? [] : [row], For([DisabilityCategory.Mental], age, autism).Select(r => r.SubPopulation));

    [Fact]
    public void Multiple_disability_shows_each_component_in_form_order_and_marks_device_needs()
    {
        var rows = For([DisabilityCategory.Physical, DisabilityCategory.Hearing], 70);
        Assert.Equal([(DisabilityCategory.Hearing, "3. 成人"), (DisabilityCategory.Physical, "2. 7-17儿童及成人")],
            rows.Select(r => (r.Category, r.SubPopulation)));
        Assert.True(rows[0].Items.Single().IsDeviceNeed);
        Assert.DoesNotContain(rows.SelectMany(r => r.Items), i => i.Code.StartsWith("X-ASM", StringComparison.Ordinal));
    }

    [Fact]
    public void Items_not_effective_on_the_date_are_left_out() =>
        Assert.Empty(IntakeItems.Select(Items, new DateOnly(2027, 1, 1), [DisabilityCategory.Hearing], 40, false, null));
}
