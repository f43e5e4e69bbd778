namespace Kangfu.Web.Platform.Validation;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a MOD 31 check character.</summary>
public static class CreditCode
{
    private const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Empty when valid, else a Chinese message.</summary>
    public static string Check(string value)
    {
        if (value.Length != 18)
        {
            return $"统一社会信用代码应为18位，实际为{value.Length}位";
        }
        if (value.Any(c => !Characters.Contains(c, StringComparison.Ordinal)))
        {
            return "统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）";
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Characters.IndexOf(value[i], StringComparison.Ordinal) * Weights[i];
        }
        var check = (31 - (sum % 31)) % 31;
        return Characters[check] == value[17] ? string.Empty : "统一社会信用代码校验位错误";
    }
}
