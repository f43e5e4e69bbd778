using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Home.MyWork;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.FollowUps.Queue;

public enum FollowUpQueueKey
{
    /// <summary>待回访: pending, shown from its lead day, not yet past its grace period.</summary>
    Due = 1,
    /// <summary>逾期回访: pending and past the due date plus the grace days.</summary>
    Overdue = 2,
}

public sealed record FollowUpQueueCount(FollowUpQueueKey Key, string Name, int Count);

public sealed record FollowUpRow(
    Guid Id, Guid CaseId, Guid PersonId, string PersonName, string MaskedIdNumber, string CaseLabel, FollowUpKind Kind, string KindName,
    DateOnly DueOn, DateOnly OverdueAfter, bool IsOverdue, Guid Version);

/// <summary>
/// Follow-up reminders: community staff and doctors see their community, street and district users their subtree
/// (the case scope); only cases still in 待回访 count. "Today" is the local date of the injected clock.
/// </summary>
public sealed class FollowUpQueueQuery(KangfuDbFactory dbFactory, TimeProvider clock) : IWorkQueueSource
{
    private static readonly string[] QueueRoles = [Roles.CommunityStaff, Roles.ContractedDoctor, Roles.StreetCoordinator, Roles.DistrictReviewer, Roles.DistrictApprover];

    public static bool HasQueues(UserContext user) => QueueRoles.Intersect(user.Roles).Any();

    public static string Name(FollowUpQueueKey key) => key == FollowUpQueueKey.Due ? "待回访" : "逾期回访";

    public async Task<IReadOnlyList<FollowUpQueueCount>> CountsAsync(UserContext user, CancellationToken ct = default)
    {
        if (!HasQueues(user))
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        var today = Today;
        var groups = await (await PendingAsync(db, user, ct)).GroupBy(f => f.OverdueAfter < today)
            .Select(g => new { Overdue = g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. new[] { FollowUpQueueKey.Due, FollowUpQueueKey.Overdue }.Select(k =>
            new FollowUpQueueCount(k, Name(k), groups.Where(g => g.Overdue == (k == FollowUpQueueKey.Overdue)).Sum(g => g.Count)))];
    }

    async Task<IReadOnlyList<WorkQueueCount>> IWorkQueueSource.CountsAsync(UserContext user, CancellationToken ct) =>
        (await CountsAsync(user, ct)).Select(q => new WorkQueueCount(q.Name, q.Count, $"/followups?queue={(int)q.Key}", q.Key == FollowUpQueueKey.Overdue)).ToList();

    public async Task<PagedResult<FollowUpRow>> ListAsync(UserContext user, FollowUpQueueKey key, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (!HasQueues(user))
        {
            return new PagedResult<FollowUpRow>([], 0, 1, pageSize);
        }
        await using var db = dbFactory.CreateDbContext();
        var today = Today;
        var overdue = key == FollowUpQueueKey.Overdue;
        var visits = (await PendingAsync(db, user, ct)).Where(f => (f.OverdueAfter < today) == overdue);
        var total = await visits.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await visits.OrderBy(f => f.DueOn).ThenBy(f => f.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Cases, f => new { f.DistrictCode, Id = f.CaseId }, c => new { c.DistrictCode, c.Id }, (f, c) => new { f, c })
            .Join(db.Persons, x => new { x.f.DistrictCode, Id = x.f.PersonId }, p => new { p.DistrictCode, p.Id }, (x, p) => new { x.f, x.c, p.Name, p.IdNumber })
            .AsNoTracking().ToListAsync(ct);
        return new PagedResult<FollowUpRow>(rows.Select(r => new FollowUpRow(
            r.f.Id, r.f.CaseId, r.f.PersonId, r.Name, Mask.IdNumber(r.IdNumber), Referrals.Actions.CaseStep.Label(r.c), r.f.Kind,
            FollowUpForms.KindName(r.f.Kind), r.f.DueOn, r.f.OverdueAfter, r.f.OverdueAfter < today, r.f.Version)).ToList(), total, page, pageSize);
    }

    private DateOnly Today => clock.Today();

    private async Task<IQueryable<FollowUp>> PendingAsync(KangfuDbContext db, UserContext user, CancellationToken ct)
    {
        var today = Today;
        var cases = (await db.VisibleToAsync(user, ct)).Where(c => c.State == CaseState.FollowUpDue);
        return db.FollowUps.Where(f => f.DistrictCode == user.DistrictCode && f.Status == FollowUpStatus.Pending && f.VisibleFrom <= today)
            .Join(cases, f => new { f.DistrictCode, Id = f.CaseId }, c => new { c.DistrictCode, c.Id }, (f, c) => f);
    }
}
