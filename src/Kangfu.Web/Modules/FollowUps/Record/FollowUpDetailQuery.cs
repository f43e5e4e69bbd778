using System.Text.Json;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.FollowUps.Record;

public sealed record FollowUpView(
    Guid Id, Guid CaseId, Guid PersonId, string PersonName, string MaskedIdNumber, string CaseLabel, CaseState CaseState, DateOnly? CompletedOn,
    FollowUpKind Kind, string KindName, int Sequence, DateOnly DueOn, DateOnly OverdueAfter, FollowUpStatus Status, DateOnly? DoneOn,
    Dictionary<string, List<string>> Answers, string? MethodDetail, string? Comment, string? RecordedByName, string? Summary, bool IsOverdue, Guid Version);

/// <summary>The follow-ups of a case, or one follow-up, in the user's case scope (out of scope = 404).</summary>
public sealed class FollowUpDetailQuery(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<FollowUpView> HandleAsync(UserContext user, Guid followUpId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var caseId = await db.FollowUps.Where(f => f.DistrictCode == user.DistrictCode && f.Id == followUpId).Select(f => (Guid?)f.CaseId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        return (await LoadAsync(db, user, caseId, ct)).First(v => v.Id == followUpId);
    }

    public async Task<IReadOnlyList<FollowUpView>> ForCaseAsync(UserContext user, Guid caseId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await LoadAsync(db, user, caseId, ct);
    }

    private async Task<IReadOnlyList<FollowUpView>> LoadAsync(KangfuDbContext db, UserContext user, Guid caseId, CancellationToken ct)
    {
        var c = await (await db.VisibleToAsync(user, ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException();
        var person = await db.Persons.AsNoTracking().Where(p => p.DistrictCode == c.DistrictCode && p.Id == c.PersonId).Select(p => new { p.Name, p.IdNumber }).FirstAsync(ct);
        var visits = await db.FollowUps.AsNoTracking().Where(f => f.DistrictCode == c.DistrictCode && f.CaseId == c.Id).OrderBy(f => f.Sequence).ToListAsync(ct);
        var today = clock.Today();
        var name = user.IsInstitutionScoped ? Mask.Name(person.Name) : person.Name;
        return visits.Select(f => new FollowUpView(
            f.Id, c.Id, c.PersonId, name, Mask.IdNumber(person.IdNumber), Referrals.Actions.CaseStep.Label(c), c.State, c.CompletedOn,
            f.Kind, FollowUpForms.KindName(f.Kind), f.Sequence, f.DueOn, f.OverdueAfter, f.Status, f.DoneOn,
            f.AnswersJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, List<string>>>(f.AnswersJson, JsonSerializerOptions.Web) ?? [],
            f.MethodDetail, f.Comment, f.RecordedByName, f.Status == FollowUpStatus.Pending ? null : RecordFollowUp.Summary(f),
            f.Status == FollowUpStatus.Pending && f.OverdueAfter < today, f.Version)).ToList();
    }
}
