using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Subsidies;
using Kangfu.Web.Modules.Subsidies.Cards;

namespace Kangfu.UnitTests.Subsidies;

public sealed class SubsidyMoneyTests
{
    [Theory]
    [InlineData(1200, SubsidyUnit.PerFitting, null, null, 1200)]
    [InlineData(1500, SubsidyUnit.PerMonth, 15000, 10, 15000)]
    [InlineData(1500, SubsidyUnit.PerMonth, 12000, 10, 12000)]
    [InlineData(1500, SubsidyUnit.PerMonth, null, null, 18000)]
    [InlineData(1000, SubsidyUnit.Once, 800, null, 800)]
    [InlineData(0, SubsidyUnit.None, null, null, 0)]
    public void Yearly_maximum_is_the_standard_times_months_capped_by_the_yearly_cap(int amount, SubsidyUnit unit, int? cap, int? months, int expected)
    {
        var item = new ServiceItem { SubsidyAmount = amount, SubsidyUnit = unit, YearlyCap = cap, MaxMonthsPerYear = months };
        Assert.Equal((decimal)expected, SubsidyMoney.YearlyMaximum(item));
    }

    [Theory]
    [InlineData(1000, "¥1,000.00")]
    [InlineData(0.5, "¥0.50")]
    [InlineData(1234567.891, "¥1,234,567.89")]
    public void Money_is_shown_with_yuan_sign_thousands_and_two_decimals(double amount, string expected) =>
        Assert.Equal(expected, SubsidyMoney.Format((decimal)amount));

    [Theory]
    [InlineData("120116", 2026, 123, "KF-120116-2026-000123")]
    [InlineData("110105", 2027, 1, "KF-110105-2027-000001")]
    public void Card_numbers_carry_district_year_and_a_six_digit_sequence(string district, int year, int sequence, string expected) =>
        Assert.Equal(expected, CardIssuer.Number(district, year, sequence));
}
