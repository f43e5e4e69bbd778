using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Referrals.CasePage;

public sealed record CaseHistoryRow(DateTime At, CaseState From, CaseState To, CaseAction Action, string ActionName, string UserName, string? Comment, string? DataJson);

public sealed record CaseDetail(
    Guid Id, Guid PersonId, string PersonName, string MaskedIdNumber, string AreaCode, int Year, CaseKind Kind, string Label,
    CaseState State, string StateName, ProsthesisKind ProsthesisKind, DeviceDirection Direction, string DirectionName,
    Guid? ParentCaseId, Guid? InstitutionId, string? InstitutionName, string? FittingScheme, IReadOnlyList<string> DeviceCodes,
    DateOnly? CompletedOn, CancelReason? CancelReason, DateTime CreatedAt, DateTime StateChangedAt, Guid Version,
    IReadOnlyList<CaseAction> Actions, IReadOnlyList<CaseHistoryRow> History, int PersonAge);

/// <summary>One case in the user's scope: header, the actions the user may take now, and the full history.</summary>
public sealed class CaseDetailQuery(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<CaseDetail> HandleAsync(UserContext user, Guid id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var c = await (await db.VisibleToAsync(user, ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var person = await db.Persons.AsNoTracking().Where(p => p.DistrictCode == c.DistrictCode && p.Id == c.PersonId)
            .Select(p => new { p.Name, p.IdNumber, p.BirthDate }).FirstAsync(ct);
        var institution = c.InstitutionId is { } iid
            ? await db.Institutions.AsNoTracking().Where(i => i.DistrictCode == c.DistrictCode && i.Id == iid).Select(i => i.Name).FirstOrDefaultAsync(ct)
            : null;
        var history = await db.CaseTransitions.AsNoTracking().Where(t => t.DistrictCode == c.DistrictCode && t.CaseId == c.Id)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        var directionOk = !user.Roles.Contains(Roles.DeviceTechnician) || CaseScope.DirectionCovers(user.Direction, c.Direction);
        var actions = directionOk ? CaseWorkflow.AvailableActions(c, user).ToList() : [];
        return new CaseDetail(
            c.Id, c.PersonId, user.IsInstitutionScoped ? Mask.Name(person.Name) : person.Name, Mask.IdNumber(person.IdNumber), c.AreaCode, c.Year,
            c.Kind, Actions.CaseStep.Label(c), c.State, CaseStates.Name(c.State), c.ProsthesisKind, c.Direction, DeviceDirections.Describe(c.Direction),
            c.ParentCaseId, c.InstitutionId, institution, c.FittingScheme, Actions.DeviceCodes.Split(c.DeviceCodes), c.CompletedOn, c.CancelReason,
            c.CreatedAt, c.StateChangedAt, c.Version, actions,
            history.Select(t => new CaseHistoryRow(t.At, t.From, t.To, t.Action, CaseStates.ActionName(t.Action), t.UserName, t.Comment, t.DataJson)).ToList(),
            // Completed years on the Beijing date (2-3-2's 年龄 question is answered from it).
            Registry.Ages.CompletedYears(person.BirthDate, Platform.ChinaTime.Date(clock.GetUtcNow().UtcDateTime)));
    }
}
