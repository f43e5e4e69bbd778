using System.Linq.Expressions;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Home.MyWork;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Referrals.CaseQueue;

public sealed record QueueCount(QueueKey Key, string Name, int Count);

public sealed record CaseRow(
    Guid Id, Guid PersonId, string PersonName, string MaskedIdNumber, CaseKind Kind, string Item, CaseState State, string StateName,
    DeviceDirection Direction, DateTime WaitingSince, Guid Version, bool CanWithdraw);

/// <summary>
/// "What waits for me": the cases of each of the user's queues, in scope. Technicians see only the cases whose
/// direction their own directions cover; community users' "submitted" queue holds what they may still withdraw.
/// </summary>
public sealed class CaseQueueQuery(KangfuDbFactory dbFactory) : IWorkQueueSource
{
    /// <summary>The counts of all the user's queues, from one query grouped by what the queue filters look at.</summary>
    public async Task<IReadOnlyList<QueueCount>> CountsAsync(UserContext user, CancellationToken ct = default)
    {
        var queues = CaseQueues.For(user);
        if (queues.Count == 0)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var states = queues.SelectMany(q => q.States).Distinct().ToList();
        var groups = await (await db.VisibleToAsync(user, ct)).Where(c => states.Contains(c.State))
            .GroupBy(c => new { c.State, c.Kind, c.Direction, Withdrawable = c.WithdrawTo != null })
            .Select(g => new { g.Key.State, g.Key.Kind, g.Key.Direction, g.Key.Withdrawable, Count = g.Count() })
            .ToListAsync(ct);
        return queues.Select(q =>
        {
            var matches = Filter(q, user).Compile();
            var count = groups.Where(g => q.States.Contains(g.State) && matches(new RehabCase
            {
                State = g.State,
                Kind = g.Kind,
                Direction = g.Direction,
                WithdrawTo = g.Withdrawable ? CaseState.Withdrawn : null,
            })).Sum(g => g.Count);
            return new QueueCount(q.Key, q.Name, count);
        }).ToList();
    }

    async Task<IReadOnlyList<WorkQueueCount>> IWorkQueueSource.CountsAsync(UserContext user, CancellationToken ct) =>
        (await CountsAsync(user, ct)).Select(q => new WorkQueueCount(q.Name, q.Count, $"/cases?queue={(int)q.Key}")).ToList();

    public async Task<PagedResult<CaseRow>> ListAsync(UserContext user, QueueKey key, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var q = CaseQueues.For(user).FirstOrDefault(x => x.Key == key);
        if (q is null)
        {
            return new PagedResult<CaseRow>([], 0, 1, pageSize);
        }
        await using var db = dbFactory.CreateDbContext();
        var cases = (await QueueAsync(db, user, q, ct)).AsNoTracking();
        var total = await cases.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await cases.OrderBy(c => c.StateChangedAt).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Persons, c => new { c.DistrictCode, Id = c.PersonId }, p => new { p.DistrictCode, p.Id }, (c, p) => new { c, p.Name, p.IdNumber })
            .ToListAsync(ct);
        var masked = user.IsInstitutionScoped;
        return new PagedResult<CaseRow>(rows.Select(r => new CaseRow(
            r.c.Id, r.c.PersonId, masked ? Mask.Name(r.Name) : r.Name, Mask.IdNumber(r.IdNumber), r.c.Kind, Actions.CaseStep.Label(r.c),
            r.c.State, CaseStates.Name(r.c.State), r.c.Direction, r.c.StateChangedAt, r.c.Version, CaseWorkflow.CanWithdraw(r.c))).ToList(),
            total, page, pageSize);
    }

    private static async Task<IQueryable<RehabCase>> QueueAsync(KangfuDbContext db, UserContext user, QueueDefinition q, CancellationToken ct)
    {
        var states = q.States;
        return (await db.VisibleToAsync(user, ct)).Where(c => states.Contains(c.State)).Where(Filter(q, user));
    }

    /// <summary>What a queue asks of a case beyond its states: written once, run in SQL for lists and on group keys for counts.</summary>
    private static Expression<Func<RehabCase, bool>> Filter(QueueDefinition q, UserContext user)
    {
        var direction = user.Direction;
        return q.Key switch
        {
            QueueKey.HomeAssessment => c => c.Kind != CaseKind.Service && (c.State != CaseState.AwaitingHomeAssessment || c.Kind == CaseKind.Device),
            QueueKey.Withdrawable => c => c.WithdrawTo != null,
            QueueKey.Review when direction != DeviceDirection.All => c => (c.Direction & direction) != DeviceDirection.None,
            _ => c => true,
        };
    }
}
