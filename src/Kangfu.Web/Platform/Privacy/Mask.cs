namespace Kangfu.Web.Platform.Privacy;

/// <summary>Masks personal identifiers for lists, exports and logs.</summary>
public static class Mask
{
    /// <summary>120116198503121235 → 1201**********1235.</summary>
    public static string IdNumber(string? value) => Middle(value, 4, 4);

    /// <summary>13812345678 → 138****5678.</summary>
    public static string Phone(string? value) => Middle(value, 3, 4);

    /// <summary>Certificate numbers carry the ID number: keep the category and grade digits visible.</summary>
    public static string CertificateNumber(string? value) => Middle(value, 4, 6);

    /// <summary>6222021234567890123 → ****0123: only the last four digits, as bank statements show them.</summary>
    public static string BankAccount(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : value.Length <= 4 ? new string('*', value.Length) : "****" + value[^4..];

    /// <summary>张三丰 → 张*丰; 张三 → 张*.</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        return value.Length switch
        {
            1 => value,
            2 => value[0] + "*",
            _ => value[0] + new string('*', value.Length - 2) + value[^1],
        };
    }

    private static string Middle(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (value.Length <= head + tail)
        {
            return new string('*', value.Length);
        }
        return string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}
