using Kangfu.Web.Modules.Registry;

namespace Kangfu.UnitTests.Registry;

public sealed class CertificateNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("12011619850312123542", DisabilityCategory.Physical, 2, 0)]
    [InlineData("12011620190708018X21", DisabilityCategory.Hearing, 1, 0)]
    [InlineData("12011620190708018x21", DisabilityCategory.Hearing, 1, 0)]
    [InlineData("12011619850312123542B1", DisabilityCategory.Physical, 2, 1)]
    [InlineData("12011619850312123542b9", DisabilityCategory.Physical, 2, 9)]
    [InlineData("12011619850312123574", DisabilityCategory.Multiple, 4, 0)]
    public void Valid_numbers_parse(string input, DisabilityCategory category, int grade, int reissue)
    {
        Assert.True(CertificateNumber.TryParse(input, Today, out var number, out var error), error);
        Assert.Equal(category, number!.Category);
        Assert.Equal(grade, number.Grade);
        Assert.Equal(reissue, number.ReissueCount);
        Assert.Equal(20, number.Value.Length);
    }

    [Theory]
    [InlineData("12011619850312123482", "校验位")]
    [InlineData("12011619850312123582", "第19位")]
    [InlineData("12011619850312123502", "第19位")]
    [InlineData("12011619850312123545", "第20位")]
    [InlineData("12011619850312123540", "第20位")]
    [InlineData("1201161985031212354", "20位")]
    [InlineData("120116198503121235421", "20位")]
    [InlineData("12011619850312123542C1", "补办")]
    [InlineData("12011619850312123542B0", "补办")]
    [InlineData("12011619990230123542", "出生日期")]
    [InlineData("", "不能为空")]
    public void Invalid_numbers_are_rejected(string input, string reason)
    {
        Assert.False(CertificateNumber.TryParse(input, Today, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
