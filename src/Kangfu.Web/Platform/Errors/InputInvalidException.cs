namespace Kangfu.Web.Platform.Errors;

/// <summary>
/// Input that breaks field rules: field name → Chinese message. Forms show each message next to its field;
/// HTTP callers get a 400 validation problem with the same dictionary.
/// </summary>
public sealed class InputInvalidException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join("；", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
