using Kangfu.Web.Modules.Registry.Import;

namespace Kangfu.UnitTests.Registry.Import;

public sealed class FieldParsersTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2020-05-01", "2020-05-01")]
    [InlineData("2020/5/1", "2020-05-01")]
    [InlineData("20200501", "2020-05-01")]
    [InlineData("2020年5月1日", "2020-05-01")]
    [InlineData("2020.5.1", "2020-05-01")]
    [InlineData("2020-05-01 00:00:00", "2020-05-01")]
    [InlineData("43952", "2020-05-01")]
    public void Dates_in_common_spellings_are_read(string text, string expected)
    {
        Assert.Equal("", FieldParsers.Date(text, Today, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("19990230", "“19990230”不是有效日期，请写成2020-05-01的形式")]
    [InlineData("2027-01-01", "日期“2027-01-01”晚于今天")]
    [InlineData("明天", "“明天”不是有效日期，请写成2020-05-01的形式")]
    public void Impossible_or_future_dates_are_errors(string text, string error) =>
        Assert.Equal(error, FieldParsers.Date(text, Today, out _));

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 13812345678", "13812345678")]
    [InlineData("022-25801234", "022-25801234")]
    [InlineData("25801234", "25801234")]
    [InlineData("022-25801234-801", "022-25801234-801")]
    public void Mobile_and_landline_numbers_are_accepted(string text, string expected)
    {
        Assert.Equal("", FieldParsers.Phone(text, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("abc")]
    [InlineData("12345")]
    public void Other_phone_numbers_are_errors(string text) => Assert.NotEqual("", FieldParsers.Phone(text, out _));

    [Theory]
    [InlineData("张三", "张三")]
    [InlineData("阿依古丽•买买提", "阿依古丽·买买提")]
    [InlineData("John Smith", null)]
    [InlineData("张三1", null)]
    [InlineData("", null)]
    public void Names_are_chinese_characters_letters_and_middle_dots(string text, string? expected)
    {
        var error = FieldParsers.Name(text, "姓名", out var name);
        Assert.Equal(expected is null, error.Length > 0);
        if (expected is not null)
        {
            Assert.Equal(expected, name);
        }
    }
}
