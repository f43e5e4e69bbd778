using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.PersonDetail;

public sealed record TimelineItem(DateTime At, string Kind, string Title, string? Detail, string? ActorName);

public sealed record PersonDetailView(
    PersonRow Summary, DateOnly BirthDate, string? Address, string? GuardianName, GuardianRelation? GuardianRelation,
    string? MaskedGuardianPhone, DateOnly? CertificateIssueDate, DateOnly? CertificateExpiry, int ReissueCount,
    DateOnly? StatusDate, Guid Version, string AreaPath, IReadOnlyList<TimelineItem> Timeline,
    string? MaskedBankAccount = null, bool HasDiagnosis = false);

/// <summary>One person, masked, with the timeline every module writes to. Out-of-scope looks like not-found.</summary>
public sealed class PersonDetailQuery(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<PersonDetailView> HandleAsync(UserContext user, Guid id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var p = await db.VisibleTo(user).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var path = await AreaPathAsync(db, p.DistrictCode, p.AreaCode, ct);
        var timeline = await db.PersonEvents.AsNoTracking()
            .Where(e => e.DistrictCode == p.DistrictCode && e.PersonId == p.Id)
            .OrderByDescending(e => e.At)
            .Select(e => new TimelineItem(e.At, e.Kind, e.Title, e.Detail, e.ActorName))
            .ToListAsync(ct);
        var today = clock.Today();
        var names = path.ToDictionary(a => a.Code, a => a.Name);
        return new PersonDetailView(
            PersonListQuery.ToRow(p, names, today), p.BirthDate, p.Address, p.GuardianName, p.GuardianRelation,
            p.GuardianPhone is null ? null : Mask.Phone(p.GuardianPhone), p.CertificateIssueDate, p.CertificateExpiry,
            p.ReissueCount, p.StatusDate, p.Version, string.Join(" / ", path.Select(a => a.Name)), timeline,
            p.BankAccount is null ? null : Mask.BankAccount(p.BankAccount), !string.IsNullOrEmpty(p.Diagnosis));
    }

    private static async Task<List<Organization.Area>> AreaPathAsync(KangfuDbContext db, string district, string code, CancellationToken ct)
    {
        var codes = new[] { code[..6].PadRight(12, '0'), code[..9].PadRight(12, '0'), code };
        return await db.Areas.AsNoTracking().Where(a => a.DistrictCode == district && codes.Contains(a.Code))
            .OrderBy(a => a.Level).ToListAsync(ct);
    }
}
