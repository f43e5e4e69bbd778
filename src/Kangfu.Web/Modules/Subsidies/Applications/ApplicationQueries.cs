using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Applications;

public sealed record ApplicationRow(Guid Id, Guid PersonId, Guid CaseId, string PersonName, string MaskedIdNumber, string Item, int Year,
    DateOnly ApplicationDate, decimal AmountRequested, decimal? AmountApproved, ApplicationState State, string StateName, Guid Version);

public sealed record DecisionRow(DateTime At, string Level, string Action, string From, string To, decimal? Amount, string UserName, string? Comment);

public sealed record ApplicationDetail(ApplicationRow Application, string? Note, IReadOnlyList<DecisionRow> Decisions, Guid? CardId, string? CardNumber);

public sealed record ApplicationFilter(ApplicationState? State = null, string? Name = null, int Page = 1, int PageSize = 20, string? Sort = null, bool Descending = false);

/// <summary>Applications in the user's scope: the approval queues (待街道审批 / 待区级审批) and the list with paging, sorting and filters.</summary>
public sealed class ApplicationQueries(KangfuDbFactory dbFactory)
{
    public async Task<PagedResult<ApplicationRow>> ListAsync(UserContext user, ApplicationFilter filter, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var q = db.ApplicationsVisibleTo(user).AsNoTracking()
            .Join(db.Persons, a => new { a.DistrictCode, Id = a.PersonId }, p => new { p.DistrictCode, p.Id }, (a, p) => new { a, p.Name, p.IdNumber });
        if (filter.State is { } state)
        {
            q = q.Where(x => x.a.State == state);
        }
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            q = q.Where(x => x.Name.Contains(name));
        }
        q = (filter.Sort, filter.Descending) switch
        {
            ("item", false) => q.OrderBy(x => x.a.ServiceItemName).ThenBy(x => x.a.Id),
            ("item", true) => q.OrderByDescending(x => x.a.ServiceItemName).ThenBy(x => x.a.Id),
            ("name", false) => q.OrderBy(x => x.Name).ThenBy(x => x.a.Id),
            ("name", true) => q.OrderByDescending(x => x.Name).ThenBy(x => x.a.Id),
            ("date", false) => q.OrderBy(x => x.a.ApplicationDate).ThenBy(x => x.a.Id),
            ("date", true) => q.OrderByDescending(x => x.a.ApplicationDate).ThenBy(x => x.a.Id),
            (_, true) => q.OrderByDescending(x => x.a.StateChangedAt).ThenBy(x => x.a.Id),
            _ => q.OrderBy(x => x.a.StateChangedAt).ThenBy(x => x.a.Id),
        };
        var total = await q.CountAsync(ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(1, filter.Page);
        var rows = await q.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var masked = user.IsInstitutionScoped;
        return new PagedResult<ApplicationRow>(rows.Select(r => Row(r.a, masked ? Mask.Name(r.Name) : r.Name, r.IdNumber)).ToList(), total, page, pageSize);
    }

    public async Task<IReadOnlyList<(ApplicationState State, int Count)>> CountsAsync(UserContext user, CancellationToken ct = default)
    {
        if (!user.Can(Permission.SubsidyRead))
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var states = new List<ApplicationState>();
        if (user.Can(Permission.SubsidyApproveStreet))
        {
            states.Add(ApplicationState.AwaitingStreet);
        }
        if (user.Can(Permission.SubsidyApproveDistrict))
        {
            states.Add(ApplicationState.AwaitingDistrict);
        }
        if (user.Can(Permission.SubsidyApply))
        {
            states.Add(ApplicationState.Returned);
        }
        var counts = await db.ApplicationsVisibleTo(user).Where(a => states.Contains(a.State)).GroupBy(a => a.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return states.Select(s => (s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
    }

    public async Task<ApplicationDetail> DetailAsync(UserContext user, Guid id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var a = await db.ApplicationsVisibleTo(user).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var person = await db.Persons.Where(p => p.DistrictCode == a.DistrictCode && p.Id == a.PersonId).Select(p => new { p.Name, p.IdNumber }).FirstAsync(ct);
        var decisions = await db.SubsidyDecisions.AsNoTracking().Where(d => d.DistrictCode == a.DistrictCode && d.ApplicationId == a.Id).ToListAsync(ct);
        var card = await db.ServiceCardItems.Where(i => i.DistrictCode == a.DistrictCode && i.ApplicationId == a.Id)
            .Join(db.ServiceCards, i => new { i.DistrictCode, Id = i.CardId }, c => new { c.DistrictCode, c.Id }, (i, c) => new { c.Id, c.Number })
            .FirstOrDefaultAsync(ct);
        return new ApplicationDetail(Row(a, user.IsInstitutionScoped ? Mask.Name(person.Name) : person.Name, person.IdNumber), a.Note,
            decisions.OrderBy(d => d.At).ThenBy(d => d.Id).Select(d => new DecisionRow(d.At, ApplicationStates.LevelName(d.Level), ApplicationStates.ActionName(d.Action),
                ApplicationStates.Name(d.From), ApplicationStates.Name(d.To), d.Amount, d.UserName, d.Comment)).ToList(),
            card?.Id, card?.Number);
    }

    private static ApplicationRow Row(SubsidyApplication a, string name, string idNumber) => new(a.Id, a.PersonId, a.CaseId, name, Mask.IdNumber(idNumber),
        a.ServiceItemName, a.Year, a.ApplicationDate, a.AmountRequested, a.AmountApproved, a.State, ApplicationStates.Name(a.State), a.Version);
}
