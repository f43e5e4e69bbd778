using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.ServiceRecords.Workspace;

public sealed record WorkspaceRow(Guid CaseId, string PersonName, string MaskedIdNumber, string Item, CaseState State, string StateName,
    decimal? Balance, DateTime WaitingSince);

public sealed record CardItemLine(Guid Id, Guid CardId, string CardNumber, string Item, decimal Approved, decimal Spent, decimal Balance, Guid Version);

public sealed record SessionLine(Guid Id, SessionKind Kind, DateOnly Date, string ProviderName, string Content, decimal Quantity, decimal UnitPrice,
    decimal Amount, string? DeviceCode, string? SerialNumber, bool Settled);

public sealed record SettlementLine(Guid Id, string Number, bool Instant, DateTime At, decimal Total, decimal SubsidyAmount, decimal OwnShare, decimal BalanceAfter);

public sealed record WorkspaceDetail(Guid CaseId, string PersonName, string MaskedIdNumber, string Item, CaseKind Kind, CaseState State, string StateName,
    Guid CaseVersion, ServicePlan? Plan, IReadOnlyList<CardItemLine> CardItems, IReadOnlyList<SessionLine> Sessions, IReadOnlyList<SettlementLine> Settlements);

/// <summary>The institution workspace: its cases in a service stage, with the card balance, plan, records and settlements.</summary>
public sealed class WorkspaceQuery(KangfuDbFactory dbFactory)
{
    public async Task<PagedResult<WorkspaceRow>> ListAsync(UserContext user, int page, int pageSize, CancellationToken ct = default)
    {
        user.Demand(Permission.ServiceDeliver);
        await using var db = dbFactory.CreateDbContext();
        var cases = (await db.VisibleToAsync(user, ct)).AsNoTracking()
            .Where(c => c.State >= CaseState.AwaitingService && c.State <= CaseState.FollowUpDue);
        var total = await cases.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await cases.OrderBy(c => c.State).ThenBy(c => c.StateChangedAt).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Persons, c => new { c.DistrictCode, Id = c.PersonId }, p => new { p.DistrictCode, p.Id }, (c, p) => new { c, p.Name, p.IdNumber })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.c.Id).ToList();
        var items = await db.ServiceCardItems.Where(i => i.DistrictCode == user.DistrictCode && ids.Contains(i.CaseId))
            .Select(i => new { i.CaseId, i.ApprovedAmount, i.Spent }).ToListAsync(ct);
        return new PagedResult<WorkspaceRow>(rows.Select(r => new WorkspaceRow(r.c.Id, Mask.Name(r.Name), Mask.IdNumber(r.IdNumber), Referrals.Actions.CaseStep.Label(r.c),
            r.c.State, CaseStates.Name(r.c.State),
            items.Any(i => i.CaseId == r.c.Id) ? items.Where(i => i.CaseId == r.c.Id).Sum(i => i.ApprovedAmount - i.Spent) : null,
            r.c.StateChangedAt)).ToList(), total, page, pageSize);
    }

    public async Task<WorkspaceDetail> DetailAsync(UserContext user, Guid caseId, CancellationToken ct = default)
    {
        user.Demand(Permission.ServiceDeliver);
        await using var db = dbFactory.CreateDbContext();
        var c = await (await db.VisibleToAsync(user, ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException();
        var person = await db.Persons.Where(p => p.DistrictCode == c.DistrictCode && p.Id == c.PersonId).Select(p => new { p.Name, p.IdNumber }).FirstAsync(ct);
        var plan = await db.ServicePlans.AsNoTracking().FirstOrDefaultAsync(p => p.DistrictCode == c.DistrictCode && p.CaseId == c.Id, ct);
        var cardItems = await db.ServiceCardItems.Where(i => i.DistrictCode == c.DistrictCode && i.CaseId == c.Id)
            .Join(db.ServiceCards, i => new { i.DistrictCode, Id = i.CardId }, k => new { k.DistrictCode, k.Id }, (i, k) => new { i, k.Number })
            .ToListAsync(ct);
        var sessions = await db.ServiceSessions.AsNoTracking().Where(s => s.DistrictCode == c.DistrictCode && s.CaseId == c.Id).ToListAsync(ct);
        var settlements = await db.Settlements.AsNoTracking().Where(s => s.DistrictCode == c.DistrictCode && s.CaseId == c.Id).ToListAsync(ct);
        return new WorkspaceDetail(c.Id, Mask.Name(person.Name), Mask.IdNumber(person.IdNumber), Referrals.Actions.CaseStep.Label(c), c.Kind, c.State, CaseStates.Name(c.State), c.Version, plan,
            cardItems.Select(x => new CardItemLine(x.i.Id, x.i.CardId, x.Number, x.i.ServiceItemName, x.i.ApprovedAmount, x.i.Spent, x.i.Balance, x.i.Version)).ToList(),
            sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt).Select(s => new SessionLine(s.Id, s.Kind, s.Date, s.ProviderName, s.Content,
                s.Quantity, s.UnitPrice, s.Amount, s.DeviceCode, s.SerialNumber, s.SettlementId != null)).ToList(),
            settlements.OrderByDescending(s => s.At).Select(s => new SettlementLine(s.Id, s.Number, s.Instant, s.At, s.Total, s.SubsidyAmount, s.OwnShare, s.BalanceAfter)).ToList());
    }
}
