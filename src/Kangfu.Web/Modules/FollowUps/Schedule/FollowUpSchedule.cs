using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Referrals.Actions;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.FollowUps.Schedule;

/// <summary>
/// Called by the completion actions (已服务 / 辅具发放完成 / 装配完成 / 改造完成) in the same unit of work: adds the
/// follow-ups the rules in force on the completion date ask for, and moves the case on to 待回访 at once, the visits
/// pending as child rows. A completion without a date uses today.
/// </summary>
public static class FollowUpSchedule
{
    public static async Task<IReadOnlyList<FollowUp>> CreateAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var completed = c.CompletedOn ?? Platform.ChinaTime.Date(step.Now);
        var rules = (await step.Db.FollowUpRules.AsNoTracking()
                .Where(r => r.DistrictCode == c.DistrictCode && r.CaseKind == c.Kind && r.EffectiveFrom <= completed)
                .ToListAsync(ct))
            .Where(r => r.IsEffectiveOn(completed)).OrderBy(r => r.Sequence).ToList();
        var visits = rules.Select(r => Visit(c, r, completed, step.Now)).ToList();
        step.Db.FollowUps.AddRange(visits);
        step.Move(CaseAction.FollowUpDue, visits.Count == 0 ? "未配置回访规则，可直接结案"
            : "应回访：" + string.Join("；", visits.Select(v => $"{FollowUpForms.KindName(v.Kind)} {v.DueOn:yyyy-MM-dd}")));
        return visits;
    }

    public static FollowUp Visit(RehabCase c, FollowUpRule r, DateOnly completed, DateTime now)
    {
        var due = completed.AddMonths(r.OffsetMonths).AddDays(r.OffsetDays);
        return new FollowUp
        {
            DistrictCode = c.DistrictCode,
            Id = Guid.CreateVersion7(),
            CaseId = c.Id,
            PersonId = c.PersonId,
            AreaCode = c.AreaCode,
            CaseKind = c.Kind,
            Kind = r.Kind,
            Sequence = r.Sequence,
            RuleId = r.Id,
            DueOn = due,
            VisibleFrom = due.AddDays(-r.LeadDays),
            OverdueAfter = due.AddDays(r.GraceDays),
            CreatedAt = now,
        };
    }
}
