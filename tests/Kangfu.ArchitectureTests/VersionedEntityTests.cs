using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kangfu.ArchitectureTests;

/// <summary>Optimistic concurrency on every editable record: an audited entity is versioned unless it is listed here with a reason.</summary>
public sealed class VersionedEntityTests
{
    /// <summary>Rows no user edits in a form: each is only inserted or deleted (or stamped once by the system).</summary>
    private static readonly Dictionary<Type, string> NotEditable = new()
    {
        [typeof(InstitutionServiceArea)] = "link row: the institution's area set is replaced with the institution (which is versioned)",
        [typeof(CaseAccessGrant)] = "written by the referral workflow, revoked once (RevokedAt) by the system, never edited",
        [typeof(Kangfu.Web.Modules.Referrals.CaseSignature)] = "signature image of a submitted assessment: inserted with the step, never edited",
        [typeof(Kangfu.Web.Modules.ServiceRecords.ServiceSession)] = "session record: inserted; stamped once with its settlement inside the settlement, which is guarded by the versioned card item",
        [typeof(Kangfu.Web.Modules.ServiceRecords.Settlement)] = "settlement: inserted once against the versioned card item, never edited",
        [typeof(Kangfu.Web.Modules.Subsidies.FundSource)] = "fund source: a name created with its first budget, never edited (the budget is versioned)",
    };

    [Fact]
    public void Every_audited_editable_entity_is_versioned_with_a_concurrency_token()
    {
        var options = new DbContextOptionsBuilder<SqliteKangfuDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteKangfuDbContext(options);
        var audited = db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType) && !NotEditable.ContainsKey(e.ClrType)).ToList();

        var unversioned = audited.Where(e => !typeof(IVersioned).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType.Name).ToList();
        var withoutToken = audited.Where(e => e.FindProperty(nameof(IVersioned.Version)) is not { IsConcurrencyToken: true }).Select(e => e.ClrType.Name).ToList();

        Assert.True(audited.Count >= 6, $"found only {audited.Count} audited entities");
        Assert.Empty(unversioned);
        Assert.Empty(withoutToken);
        Console.WriteLine($"[figure] versioned editable entities: {audited.Count} ({string.Join(", ", audited.Select(e => e.ClrType.Name))}); exempt: {NotEditable.Count}");
    }
}
