using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>Who imports what, when: the facts every written person, audit row and timeline row carries.</summary>
internal sealed record MergeContext(UserContext User, DateTime Now, Guid BatchId, string FileName, IReadOnlyList<PersonField> Updatable);

public sealed record MergeResult(int Inserted, int Updated);

/// <summary>A person the spill says is new exists by now (added after validation): the file must be checked again.</summary>
internal sealed class StaleSpillException() : Exception("The registry changed since the file was validated.");

/// <summary>
/// One import written in one transaction from its spill (<see cref="ImportSpill"/>): new persons inserted, changed ones
/// updated, then one timeline and one hash-chained audit row per written person — set-based, without parsing the file.
/// Nothing is visible to others until <see cref="CommitAsync"/>; disposing without it rolls everything back.
/// The registry is locked against other writers from <see cref="SpillLoader.BeginAsync"/> on, so what is checked stays true.
/// </summary>
internal interface ISpillLoader : IAsyncDisposable
{
    /// <summary>True when every stored person the rows were compared with still has the version it had then.</summary>
    Task<bool> VersionsHoldAsync(ImportSpill spill, string district, CancellationToken ct);

    /// <summary>Writes the spill; throws <see cref="StaleSpillException"/> when a "new" person exists by now.</summary>
    Task<MergeResult> WriteAsync(ImportSpill spill, SpillManifest manifest, MergeContext context, ImportJob job, CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}

internal static class SpillLoader
{
    /// <summary>Opens the import transaction and locks the registry. Load any snapshot after this call, on the same context.</summary>
    public static async Task<ISpillLoader> BeginAsync(KangfuDbContext db, CancellationToken ct) =>
        db.IsPostgres ? await PostgresSpillLoader.BeginAsync(db, ct) : await SqliteSpillLoader.BeginAsync(db, ct);
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

    public static string CreatedDetail(string fileName) => "导入文件：" + fileName;
}
