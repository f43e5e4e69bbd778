using Kangfu.Web.Modules.Access;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>Who imports what, when: the facts every written person, audit row and timeline row carries.</summary>
internal sealed record MergeContext(UserContext User, DateTime Now, Guid BatchId, string FileName, IReadOnlyList<PersonField> Updatable);

public sealed record MergeResult(int Inserted, int Updated);

/// <summary>
/// One import written in one transaction: valid rows are added as they are read, then merged by ID number.
/// Nothing is visible to others until <see cref="CommitAsync"/>; disposing without completing rolls everything back.
/// </summary>
internal interface IPersonMergeSession : IAsyncDisposable
{
    Task AddAsync(ValidatedRow row, CancellationToken ct);

    /// <summary>Merges the added rows (insert new, update changed, skip unchanged) and writes their audit and timeline rows.</summary>
    Task<MergeResult> MergeAsync(CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}

/// <summary>Audit and timeline texts of one merged row.</summary>
internal static class MergeTexts
{
    public const string EventKind = "registry.imported";
    public const string CreatedTitle = "由名册导入新增";
    public const string UpdatedTitle = "由名册导入更新";

    public static string Changes(ValidatedRow row) => row.Existing is { } before
        ? PersonFields.UpdatedJson(before, row.Person!, row.ChangedFields)
        : PersonFields.CreatedJson(row.Person!);

    public static string EventDetail(ValidatedRow row, string fileName) => row.Existing is null
        ? "导入文件：" + fileName
        : PersonFields.ChangedColumns(row.ChangedFields);
}
