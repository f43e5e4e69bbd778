namespace Kangfu.Web.Platform.Excel;

/// <summary>
/// Formula (CSV/DDE) injection: a text cell starting with = + - @ or a tab / carriage return would be evaluated by
/// Excel or WPS when opened. Every exported text goes through <see cref="Neutralise(string?)"/>, which prefixes a '.
/// </summary>
public static class FormulaGuard
{
    public static bool IsDangerous(string? value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n'
        || value is { Length: > 0 } && value[0] is '＝' or '＋' or '－' or '＠';

    public static string? Neutralise(string? value) => IsDangerous(value) ? "'" + value : value;

    /// <summary>Numbers, dates and other non-text values are written as typed and cannot carry a formula.</summary>
    public static object? Neutralise(object? value) => value is string text ? Neutralise(text) : value;

    public static Dictionary<string, object?> Row(IEnumerable<KeyValuePair<string, object?>> cells) =>
        cells.ToDictionary(c => Neutralise(c.Key)!, c => Neutralise(c.Value));
}
