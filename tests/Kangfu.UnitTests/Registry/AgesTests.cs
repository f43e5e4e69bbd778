using Kangfu.Web.Modules.Registry;

namespace Kangfu.UnitTests.Registry;

public sealed class AgesTests
{
    [Theory]
    [InlineData("2019-07-08", "2026-07-07", 6)]
    [InlineData("2019-07-08", "2026-07-08", 7)]
    [InlineData("2020-02-29", "2021-02-27", 0)]
    [InlineData("2020-02-29", "2021-02-28", 1)]
    [InlineData("2020-02-29", "2024-02-29", 4)]
    [InlineData("1985-03-12", "2026-11-23", 41)]
    public void Completed_years(string birth, string on, int expected) =>
        Assert.Equal(expected, Ages.CompletedYears(D(birth), D(on)));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
