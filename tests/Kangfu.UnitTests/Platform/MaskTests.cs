using Kangfu.Web.Platform.Privacy;

namespace Kangfu.UnitTests.Platform;

public sealed class MaskTests
{
    [Theory]
    [InlineData("120116198503121235", "1201**********1235")]
    [InlineData("12011620190708018X", "1201**********018X")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("1234", "****")]
    public void Id_numbers(string? input, string expected) => Assert.Equal(expected, Mask.IdNumber(input));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("022-12345678", "022*****5678")]
    public void Phones(string input, string expected) => Assert.Equal(expected, Mask.Phone(input));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("李", "李")]
    public void Names(string input, string expected) => Assert.Equal(expected, Mask.Name(input));

    [Theory]
    [InlineData("6222021234567890123", "****0123")]
    [InlineData("622202123456", "****3456")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Bank_accounts_show_the_last_four_digits_only(string? input, string expected) =>
        Assert.Equal(expected, Mask.BankAccount(input));

    [Fact]
    public void Certificate_keeps_category_and_grade_visible()
    {
        var masked = Mask.CertificateNumber("12011619850312123542");
        Assert.Equal("1201**********123542", masked);
        Assert.DoesNotContain("19850312", masked, StringComparison.Ordinal);
    }
}
