using System.Text.RegularExpressions;

namespace Kangfu.Web.Platform.Validation;

/// <summary>Chinese phone numbers: an 11-digit mobile number, or a landline with its area code (022-12345678).</summary>
public static partial class PhoneNumber
{
    /// <summary>True for empty input too: phones are optional fields.</summary>
    public static bool IsValidOrEmpty(string? value) => string.IsNullOrWhiteSpace(value) || Pattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Pattern();
}
