using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Validation;

namespace Kangfu.UnitTests.Platform;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("91350100M000100Y43", "")]
    [InlineData("91110000600037341L", "")]
    [InlineData("91350100M000100Y44", "统一社会信用代码校验位错误")]
    [InlineData("91350100M000100Y4", "统一社会信用代码应为18位，实际为17位")]
    [InlineData("91350100I000100Y43", "统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）")]
    public void Credit_code_check(string code, string message)
    {
        Assert.Equal(message, CreditCode.Check(code));
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("022-12345678", true)]
    [InlineData("02212345678", true)]
    [InlineData("", true)]
    [InlineData("10012345678", false)]
    [InlineData("138-1234-5678", false)]
    public void Phone_numbers(string phone, bool valid)
    {
        Assert.Equal(valid, PhoneNumber.IsValidOrEmpty(phone));
    }

    [Theory]
    [InlineData("紫云园社区居委会", "紫云园社区")]
    [InlineData("大王庄村委会", "大王庄村")]
    [InlineData("塘沽街道", "塘沽街道")]
    [InlineData("居委会", "居委会")]
    public void Area_names_drop_the_committee_suffix(string name, string brief)
    {
        Assert.Equal(brief, AreaNames.Brief(name));
    }
}
