using System.Globalization;
using System.Text.RegularExpressions;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>Parsers for the free-text cells of a registry file. Each returns a Chinese error, or "" when the value is fine.</summary>
internal static partial class FieldParsers
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
    private static readonly string[] DateTimeFormats = ["yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm"];

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$")]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\u3400-\u4DBFA-Za-z·]+$")]
    private static partial Regex NameChars();

    /// <summary>A date as typed (2020-05-01, 2020/5/1, 20200501, 2020年5月1日) or an Excel serial number; not after today.</summary>
    public static string Date(string text, DateOnly today, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0)
        {
            return "";
        }
        if (TryParseDate(text, out var parsed))
        {
            if (parsed > today)
            {
                return $"日期“{text}”晚于今天";
            }
            if (parsed.Year < 1900)
            {
                return $"日期“{text}”早于1900年";
            }
            date = parsed;
            return "";
        }
        return $"“{text}”不是有效日期，请写成2020-05-01的形式";
    }

    /// <summary>An 11-digit mobile number starting with 1, or a landline (022-12345678, 12345678, with an optional extension).</summary>
    public static string Phone(string text, out string? phone)
    {
        phone = null;
        var value = text.Replace(" ", "", StringComparison.Ordinal).Replace("－", "-", StringComparison.Ordinal);
        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..].TrimStart('-');
        }
        if (value.Length == 0)
        {
            return "";
        }
        if (!Mobile().IsMatch(value) && !Landline().IsMatch(value))
        {
            return $"“{text}”不是有效的电话号码（手机号为1开头的11位数字，固定电话如022-12345678）";
        }
        phone = value;
        return "";
    }

    /// <summary>1–50 characters: Chinese characters, letters and the middle dot of minority and foreign names.</summary>
    public static string Name(string text, string what, out string name)
    {
        name = text.Replace('•', '·').Replace('・', '·').Replace('.', '·').Replace('．', '·');
        if (name.Length == 0)
        {
            return what + "不能为空";
        }
        if (name.Length > 50)
        {
            return $"{what}不能超过50个字，实际{name.Length}个字";
        }
        return NameChars().IsMatch(name) ? "" : $"{what}“{text}”只能包含汉字、字母和间隔号“·”";
    }

    private static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withTime))
        {
            date = DateOnly.FromDateTime(withTime);
            return true;
        }
        return SerialDate(text, out date);
    }

    private static bool SerialDate(string text, out DateOnly date)
    {
        date = default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial is < 1 or > 100_000)
        {
            return false;
        }
        date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        return true;
    }
}
