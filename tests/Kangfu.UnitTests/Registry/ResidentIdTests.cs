using Kangfu.Web.Modules.Registry;

namespace Kangfu.UnitTests.Registry;

public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("120116198503121235", "1985-03-12", Sex.Male)]
    [InlineData("12011620190708018X", "2019-07-08", Sex.Female)]
    [InlineData("12011620190708018x", "2019-07-08", Sex.Female)]
    [InlineData(" 120116198503121235 ", "1985-03-12", Sex.Male)]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("440524188001010014", "1880-01-01", Sex.Male)]
    [InlineData("120116202002290013", "2020-02-29", Sex.Male)]
    public void Valid_numbers_give_birth_date_and_sex(string input, string birth, Sex sex)
    {
        Assert.True(ResidentId.TryParse(input, Today, out var id, out var error), error);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id!.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(input.Trim().ToUpperInvariant(), id.Value);
    }

    [Theory]
    [InlineData("120116198503121234", "校验位")]
    [InlineData("120116198503121236", "校验位")]
    [InlineData("12011620190708018Y", "只能包含数字")]
    [InlineData("120116201907080180", "校验位")]
    [InlineData("11010519491231002Y", "只能包含数字")]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("120116199902301234", "出生日期")]
    [InlineData("120116199913011234", "出生日期")]
    [InlineData("120116199900011234", "出生日期")]
    [InlineData("120116199904311234", "出生日期")]
    [InlineData("120116202102290014", "出生日期")]
    [InlineData("120116180001010014", "出生日期")]
    [InlineData("120116203001010014", "晚于今天")]
    [InlineData("120116202611240015", "晚于今天")]
    [InlineData("12011619850312123", "18位")]
    [InlineData("1201161985031212355", "18位")]
    [InlineData("", "不能为空")]
    [InlineData("   ", "不能为空")]
    [InlineData("12011619850312123５", "只能包含数字")]
    [InlineData("A20116198503121235", "只能包含数字")]
    [InlineData("020116198503121235", "地址码")]
    [InlineData("1201161985-3121235", "只能包含数字")]
    [InlineData("120116X98503121235", "只能包含数字")]
    public void Invalid_numbers_are_rejected_with_a_Chinese_reason(string input, string reason)
    {
        Assert.False(ResidentId.TryParse(input, Today, out var id, out var error));
        Assert.Null(id);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.False(ResidentId.TryParse(null, Today, out _, out var error));
        Assert.Contains("不能为空", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12011619850312123", '5')]
    [InlineData("12011620190708018", 'X')]
    public void Check_character_follows_ISO_7064_MOD_11_2(string body, char expected) =>
        Assert.Equal(expected, ResidentId.ComputeCheckCharacter(body));

    [Fact]
    public void Legacy_15_digit_numbers_are_upgraded_with_century_19()
    {
        Assert.True(ResidentId.TryParse("120116850312123", Today, out var id, out _));
        Assert.Equal("120116198503121235", id!.Value);
    }

    [Fact]
    public void Every_single_digit_change_is_caught_by_the_check_character()
    {
        const string valid = "120116198503121235";
        var caught = 0;
        for (var position = 0; position < 17; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }
                var mutated = string.Concat(valid.AsSpan(0, position), digit.ToString(), valid.AsSpan(position + 1));
                if (!ResidentId.TryParse(mutated, Today, out _, out _))
                {
                    caught++;
                }
            }
        }
        Assert.Equal(17 * 9, caught);
    }
}
