using Kangfu.Web.Modules.Registry.Import.Sheets;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>The row being checked: its cells by column, the person being built, the stored person and the errors so far.</summary>
internal sealed class RowCheck(SheetRow row, HeaderMap map, Person person)
{
    private readonly List<CellError> errors = [];

    public SheetRow Row { get; } = row;
    public HeaderMap Map { get; } = map;
    public Person Person { get; } = person;
    public Person? Existing { get; set; }
    public IReadOnlyList<CellError> Errors => errors;

    public string Text(ColumnKey key) => Map.Cell(Row, key);

    public void Fail(ColumnKey key, string message)
    {
        if (message.Length > 0)
        {
            errors.Add(new CellError(Row.Number, Map.HeaderOf(key), message));
        }
    }

    public void FailIf(bool condition, ColumnKey key, string message)
    {
        if (condition)
        {
            Fail(key, message);
        }
    }

    /// <summary>An optional text cell, null when empty, at most <paramref name="maxLength"/> characters.</summary>
    public string? Optional(ColumnKey key, int maxLength)
    {
        var text = Text(key);
        FailIf(text.Length > maxLength, key, $"不能超过{maxLength}个字，实际{text.Length}个字");
        return text.Length == 0 || text.Length > maxLength ? null : text;
    }
}
