using Kangfu.Web.Platform.Excel;

namespace Kangfu.UnitTests.Platform;

public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"点击\")", "'=HYPERLINK(\"http://x\",\"点击\")")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("张三", "张三")]
    [InlineData("120116198503121235", "120116198503121235")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Texts_starting_with_a_formula_character_get_a_quote(string? input, string? expected) =>
        Assert.Equal(expected, FormulaGuard.Neutralise(input));

    [Fact]
    public void Typed_values_are_left_alone()
    {
        Assert.Equal(-5, FormulaGuard.Neutralise((object?)-5));
        Assert.Equal(new DateOnly(2020, 1, 1), FormulaGuard.Neutralise((object?)new DateOnly(2020, 1, 1)));
    }
}
