using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>One problem in a file: the row number as Excel shows it, the column header as written in the file, and what is wrong.</summary>
public sealed record CellError(int Row, string Column, string Message);

public enum RowChange
{
    Invalid,
    New,
    Changed,
    Unchanged,
}

/// <summary>A checked row: the person it describes (when valid) and how it differs from the stored person.</summary>
internal sealed record ValidatedRow(
    SheetRow Row, Person? Person, IReadOnlyList<CellError> Errors, RowChange Change, Person? Existing,
    IReadOnlyList<PersonField> ChangedFields)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Everything a row is checked against, loaded once per import: today, the user's areas, the stored persons.</summary>
internal sealed class ImportContext(UserContext user, DateOnly today, DateTime now, AreaResolver areas, IReadOnlyDictionary<string, Person> existing)
{
    public UserContext User { get; } = user;
    public DateOnly Today { get; } = today;
    public DateTime Now { get; } = now;
    public AreaResolver Areas { get; } = areas;
    public IReadOnlyDictionary<string, Person> Existing { get; } = existing;

    /// <summary>ID number → first row it appeared on, to report later duplicates.</summary>
    public Dictionary<string, int> SeenIds { get; } = new(StringComparer.Ordinal);

    public static async Task<ImportContext> LoadAsync(KangfuDbContext db, UserContext user, TimeProvider clock, CancellationToken ct)
    {
        var areas = await AreaResolver.LoadAsync(db, user, ct);
        var existing = await db.Persons.AsNoTracking().Where(p => p.DistrictCode == user.DistrictCode)
            .ToDictionaryAsync(p => p.IdNumber, StringComparer.Ordinal, ct);
        return new ImportContext(user, clock.Today(), clock.GetUtcNow().UtcDateTime, areas, existing);
    }
}
