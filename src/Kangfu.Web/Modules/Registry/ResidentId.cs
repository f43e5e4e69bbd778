using System.Globalization;

namespace Kangfu.Web.Modules.Registry;

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>An 18-character resident ID number (GB 11643-1999), with birth date and sex derived from it.</summary>
public sealed record ResidentId(string Value, DateOnly BirthDate, Sex Sex)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public string AddressCode => Value[..6];

    /// <summary>Validates in the order of domain.md §3.1; the error is a Chinese sentence naming what is wrong.</summary>
    public static bool TryParse(string? input, DateOnly today, out ResidentId? id, out string error)
    {
        id = null;
        var value = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length == 15 && value.All(char.IsAsciiDigit))
        {
            value = UpgradeLegacy(value);
        }
        error = Check(value, today, out var birthDate);
        if (error.Length > 0)
        {
            return false;
        }
        id = new ResidentId(value, birthDate, (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female);
        return true;
    }

    public static ResidentId Parse(string input, DateOnly today) =>
        TryParse(input, today, out var id, out var error) ? id! : throw new FormatException(error);

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>A 15-digit first-generation number: insert the century "19" and compute the check character.</summary>
    public static string UpgradeLegacy(string fifteen)
    {
        var body = string.Concat(fifteen.AsSpan(0, 6), "19", fifteen.AsSpan(6));
        return body + ComputeCheckCharacter(body);
    }

    private static string Check(string value, DateOnly today, out DateOnly birthDate)
    {
        birthDate = default;
        if (value.Length == 0)
        {
            return "身份证号不能为空";
        }
        if (value.Length != 18)
        {
            return $"身份证号应为18位，实际为{value.Length}位";
        }
        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return "身份证号只能包含数字，最后一位可为X";
        }
        if (value[0] == '0')
        {
            return "身份证号地址码不正确";
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate.Year < 1850)
        {
            return "身份证号中的出生日期不是有效日期";
        }
        if (birthDate > today)
        {
            return "身份证号中的出生日期晚于今天";
        }
        var expected = ComputeCheckCharacter(value.AsSpan(0, 17));
        return expected == value[17] ? string.Empty : "身份证号校验位错误";
    }
}
