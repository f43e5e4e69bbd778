using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Kangfu.Web.Modules.FollowUps;
using Kangfu.Web.Modules.FollowUps.Queue;
using Kangfu.Web.Modules.FollowUps.Record;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Referrals.Actions;
using Kangfu.Web.Modules.Registry.PersonList;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.FollowUps;

public sealed record FollowUpQueuePage(IReadOnlyList<FollowUpQueueCount> Counts, FollowUpQueueKey Queue, PagedResult<FollowUpRow> Visits);

/// <summary>Module 5: the schedule from rule data, recording the national forms, closure with an outcome, cancellation.</summary>
public abstract class FollowUpTests(KangfuApp app)
{
    [Fact]
    public async Task Dispensing_schedules_the_1_and_6_month_visits_from_the_rules_and_moves_the_case_to_follow_up()
    {
        var completed = FollowUpKit.Today.AddDays(-3);
        var c = await app.DispensedDeviceCaseAsync(completed);

        Assert.Equal(CaseState.FollowUpDue, c.State);
        var rules = await app.RulesAsync(CaseKind.Device);
        Assert.Equal([FollowUpKind.Device1Month, FollowUpKind.Device6Month], rules.Select(r => r.Kind));
        using var community = await app.LoginAsync("community");
        var visits = await community.FollowUpsAsync(c.Id);
        Assert.Equal(rules.Count, visits.Count);
        foreach (var (rule, visit) in rules.Zip(visits))
        {
            var due = completed.AddMonths(rule.OffsetMonths).AddDays(rule.OffsetDays);
            Assert.Equal(rule.Kind, visit.Kind);
            Assert.Equal(due, visit.DueOn);
            Assert.Equal(due.AddDays(rule.GraceDays), visit.OverdueAfter);
            Assert.Equal(FollowUpStatus.Pending, visit.Status);
        }
        Assert.Equal(completed.AddMonths(6), visits[1].DueOn);
        var history = (await community.GetCaseAsync(c.Id)).History;
        Assert.Equal([CaseAction.CompleteDispensing, CaseAction.FollowUpDue], history.Select(h => h.Action));
    }

    [Fact]
    public async Task A_rule_changed_as_data_changes_the_schedule_of_later_completions_only()
    {
        // A district-local rule effective from tomorrow would not apply to a completion today: the completion date picks the rule.
        var rules = await app.RulesAsync(CaseKind.Accessibility);
        var completed = FollowUpKit.Today.AddDays(-1);
        var c = await app.AddCaseAsync(CaseKind.Accessibility, CaseState.AwaitingRetrofit);
        using var device = await app.LoginAsync("device");
        await device.ActAsync(c.Id, "complete", new { completedOn = completed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var visits = await app.WithDbAsync(db => db.FollowUps.Where(f => f.CaseId == c.Id).ToListAsync());
        var rule = Assert.Single(rules);
        var visit = Assert.Single(visits);
        Assert.Equal(rule.Id, visit.RuleId);
        Assert.Equal(completed.AddMonths(rule.OffsetMonths).AddDays(rule.OffsetDays), visit.DueOn);
        Assert.Equal("local-1", rule.FormVersion);
    }

    [Fact]
    public async Task Closing_is_refused_while_follow_ups_are_pending_and_closes_with_the_outcome_when_done()
    {
        var c = await app.DispensedDeviceCaseAsync(FollowUpKit.Today.AddMonths(-7));
        using var community = await app.LoginAsync("community");
        var refused = await community.TryActAsync(c.Id, "close", new { outcome = CaseOutcome.Improved });
        Assert.Contains("还有未完成的回访（回访1（1个月）、回访2（6个月））", await refused.ProblemAsync(HttpStatusCode.BadRequest));

        var visits = await community.FollowUpsAsync(c.Id);
        var early = await community.TryRecordAsync(visits[1], FollowUpKit.Unhappy6Month);
        Assert.Equal("请先完成回访1（1个月）。", await early.ProblemAsync(HttpStatusCode.BadRequest));

        await community.RecordAsync(visits[0], FollowUpKit.Received1Month, FollowUpKit.Today.AddMonths(-6));
        await community.RecordAsync((await community.FollowUpsAsync(c.Id))[1], FollowUpKit.Unhappy6Month);
        var recorded = await community.FollowUpsAsync(c.Id);
        Assert.All(recorded, v => Assert.Equal(FollowUpStatus.Done, v.Status));
        Assert.Equal(["不好用", "已损坏"], recorded[1].Answers["3"]);
        var saved = await app.WithDbAsync(db => db.FollowUps.AsNoTracking().Where(f => f.CaseId == c.Id).OrderBy(f => f.Sequence).ToListAsync());
        Assert.Equal([FollowUpMethod.Phone, FollowUpMethod.Home], saved.Select(f => f.Method));

        var noOutcome = await community.TryActAsync(c.Id, "close", new { });
        Assert.Contains("请选择结案评估结果", await noOutcome.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(CaseState.Closed, (await community.ActAsync(c.Id, "close", new { outcome = CaseOutcome.Improved })).State);
        Assert.Equal(CaseOutcome.Improved, (await app.LoadAsync(c.Id)).Outcome);

        var events = await app.WithDbAsync(db => db.PersonEvents.Where(e => e.PersonId == c.PersonId).ToListAsync());
        Assert.Equal(2, events.Count(e => e.Kind == "followups.recorded"));
        Assert.Contains(events, e => e.Kind == "followups.recorded" && e.Detail!.Contains("对辅具不满意的原因：不好用、已损坏"));
        Assert.Contains(events, e => e.Kind == "referrals.close" && e.Detail!.Contains("结案评估：有进步"));
        var history = (await community.GetCaseAsync(c.Id)).History.Select(h => h.Action).ToList();
        Assert.Equal([CaseAction.RecordFollowUp, CaseAction.RecordFollowUp, CaseAction.Close], history.TakeLast(3));
    }

    [Fact]
    public async Task Condition_8_service_case_ends_in_a_service_follow_up_and_closure()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment);
        using var assessor = await app.LoginAsync("assessor");
        await assessor.ActAsync(c.Id, "start-institution-assessment");
        var (rehabUser, rehabId) = await app.EnsureRehabStationAsync();
        await assessor.ActAsync(c.Id, "institution-assessment", new { outcome = InstitutionAssessmentOutcome.RehabService, rehabInstitutionId = rehabId });
        using var rehab = await app.LoginAsync(rehabUser);
        Assert.Equal(CaseState.FollowUpDue, (await rehab.ActAsync(c.Id, "served")).State);

        using var community = await app.LoginAsync("community");
        var visit = Assert.Single(await community.FollowUpsAsync(c.Id));
        Assert.Equal(FollowUpKind.Service, visit.Kind);
        var rule = Assert.Single(await app.RulesAsync(CaseKind.Service));
        Assert.Equal(FollowUpKit.Today.AddMonths(rule.OffsetMonths).AddDays(rule.OffsetDays), visit.DueOn);

        // 选B进入题5: after 未接受 the satisfaction question does not apply.
        var skipped = await community.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["B.未接受"], ["2"] = ["满意"], ["3"] = ["电话"] });
        Assert.Contains("第2题不适用于前面的回答", await skipped.ProblemAsync(HttpStatusCode.BadRequest));
        await community.RecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["B.未接受"], ["3"] = ["微信或QQ"] });
        Assert.Equal(CaseState.Closed, (await community.ActAsync(c.Id, "close", new { outcome = CaseOutcome.Ineffective, comment = "本人外出务工" })).State);
        Assert.Equal(CaseOutcome.Ineffective, (await app.LoadAsync(c.Id)).Outcome);
    }

    [Fact]
    public async Task Answers_must_use_the_exact_options_of_the_national_form()
    {
        var c = await app.DispensedDeviceCaseAsync(FollowUpKit.Today.AddMonths(-1));
        using var community = await app.LoginAsync("community");
        var visit = (await community.FollowUpsAsync(c.Id))[0];

        var bad = await community.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["收到了"], ["5"] = ["电话"] });
        Assert.Contains("第1题“是否收到辅具”没有选项“收到了”，可选：A.收到、B.未收到", await bad.ProblemAsync(HttpStatusCode.BadRequest));
        var two = await community.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["B.未收到"], ["5"] = ["电话", "入户"] });
        Assert.Contains("第5题“回访方式”只能选一项", await two.ProblemAsync(HttpStatusCode.BadRequest));
        var missing = await community.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["A.收到"], ["5"] = ["电话"] });
        var message = await missing.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请回答第2题：辅具使用情况", message);
        Assert.Contains("请回答第4题：是否需要辅具使用培训", message);
        var other = await community.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["B.未收到"], ["5"] = ["其他"] });
        Assert.Contains("回访方式为“其他”时请填写具体方式", await other.ProblemAsync(HttpStatusCode.BadRequest));
        var future = await community.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["B.未收到"], ["5"] = ["电话"] }, FollowUpKit.Today.AddDays(2));
        Assert.Contains("回访日期不能晚于今天", await future.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(FollowUpStatus.Pending, (await community.FollowUpsAsync(c.Id))[0].Status);

        var ok = await community.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["B.未收到"], ["5"] = ["其他"] }, methodDetail: "社区活动时当面询问");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await app.WithDbAsync(db => db.FollowUps.AsNoTracking().FirstAsync(f => f.Id == visit.Id));
        Assert.Equal((FollowUpMethod.Other, "社区活动时当面询问"), (saved.Method!.Value, saved.MethodDetail));
    }

    [Fact]
    public async Task Lost_contact_needs_a_reason_and_counts_as_done_for_closure()
    {
        var c = await app.DispensedDeviceCaseAsync(FollowUpKit.Today.AddMonths(-7));
        using var community = await app.LoginAsync("community");
        var visits = await community.FollowUpsAsync(c.Id);
        var noReason = await community.TryRecordAsync(visits[0], new { }, lostContact: true);
        Assert.Contains("标记失访时请填写原因", await noReason.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.True((await community.TryRecordAsync(visits[0], new { }, lostContact: true, comment: "电话停机，入户无人")).IsSuccessStatusCode);
        Assert.True((await community.TryRecordAsync((await community.FollowUpsAsync(c.Id))[1], new { }, lostContact: true, comment: "已搬离")).IsSuccessStatusCode);
        Assert.All(await community.FollowUpsAsync(c.Id), v => Assert.Equal(FollowUpStatus.LostContact, v.Status));
        Assert.Equal(CaseState.Closed, (await community.ActAsync(c.Id, "close", new { outcome = CaseOutcome.Ineffective })).State);
    }

    [Fact]
    public async Task Two_users_saving_the_same_follow_up_version_exactly_one_wins()
    {
        var c = await app.DispensedDeviceCaseAsync(FollowUpKit.Today.AddMonths(-1));
        using var community = await app.LoginAsync("community");
        using var doctor = await app.LoginAsync("doctor");
        var visit = (await community.FollowUpsAsync(c.Id))[0];

        var responses = await Task.WhenAll(
            community.TryRecordAsync(visit, FollowUpKit.Received1Month),
            doctor.TryRecordAsync(visit, new Dictionary<string, string[]> { ["1"] = ["B.未收到"], ["5"] = ["入户"] }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        Assert.Equal(RecordFollowUp.ConflictMessage, await loser.ProblemAsync(HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseTransitions.CountAsync(t => t.CaseId == c.Id && t.Action == CaseAction.RecordFollowUp)));
    }

    [Fact]
    public async Task Due_and_overdue_counts_follow_the_rule_windows_and_the_area_scope()
    {
        using var community = await app.LoginAsync("community");
        using var street = await app.LoginAsync("street");
        using var other = await app.LoginAsync("community2");
        var before = (await QueueAsync(community, FollowUpQueueKey.Due)).Counts;
        var streetBefore = (await QueueAsync(street, FollowUpQueueKey.Due)).Counts;
        var otherBefore = (await QueueAsync(other, FollowUpQueueKey.Due)).Counts;
        var rule = (await app.RulesAsync(CaseKind.Device))[0];

        // Dispense dates chosen from the due dates wanted (due = dispensed + months + days): going back a month and then
        // some days does not come forward to the same day when the months differ in length (30-day November).
        var today = FollowUpKit.Today;
        var due = await app.DispensedDeviceCaseAsync(DispensedForDue(rule, today, latestOnOrBefore: true));
        var overdue = await app.DispensedDeviceCaseAsync(DispensedForDue(rule, today.AddDays(-rule.GraceDays - 1), latestOnOrBefore: true));
        var early = await app.DispensedDeviceCaseAsync(today);
        var lastDay = await app.DispensedDeviceCaseAsync(DispensedForDue(rule, today.AddDays(-rule.GraceDays), latestOnOrBefore: false));

        var after = await QueueAsync(community, FollowUpQueueKey.Overdue);
        Assert.Equal(Count(before, FollowUpQueueKey.Due) + 2, Count(after.Counts, FollowUpQueueKey.Due));
        Assert.Equal(Count(before, FollowUpQueueKey.Overdue) + 1, Count(after.Counts, FollowUpQueueKey.Overdue));
        var row = Assert.Single(after.Visits.Items, r => r.CaseId == overdue.Id);
        Assert.True(row.IsOverdue);
        Assert.DoesNotContain(after.Visits.Items, r => r.CaseId == due.Id || r.CaseId == early.Id || r.CaseId == lastDay.Id);
        var dueList = (await QueueAsync(community, FollowUpQueueKey.Due)).Visits.Items;
        Assert.Contains(dueList, r => r.CaseId == due.Id && !r.IsOverdue);
        Assert.Contains(dueList, r => r.CaseId == lastDay.Id);
        Assert.DoesNotContain(dueList, r => r.CaseId == early.Id);

        var streetAfter = (await QueueAsync(street, FollowUpQueueKey.Due)).Counts;
        Assert.Equal(Count(streetBefore, FollowUpQueueKey.Overdue) + 1, Count(streetAfter, FollowUpQueueKey.Overdue));
        var otherAfter = (await QueueAsync(other, FollowUpQueueKey.Due)).Counts;
        Assert.Equal(Count(otherBefore, FollowUpQueueKey.Due), Count(otherAfter, FollowUpQueueKey.Due));
        Assert.Equal(Count(otherBefore, FollowUpQueueKey.Overdue), Count(otherAfter, FollowUpQueueKey.Overdue));

        // Recording the visit takes it out of the queue.
        await community.RecordAsync((await community.FollowUpsAsync(overdue.Id))[0], FollowUpKit.Received1Month);
        Assert.Equal(Count(after.Counts, FollowUpQueueKey.Overdue) - 1, Count((await QueueAsync(community, FollowUpQueueKey.Due)).Counts, FollowUpQueueKey.Overdue));
    }

    /// <summary>
    /// The dispense date whose visit falls due on <paramref name="target"/>, or — where month-end clamping makes that day
    /// unreachable — the nearest one due before it (<paramref name="latestOnOrBefore"/>) or after it.
    /// </summary>
    private static DateOnly DispensedForDue(FollowUpRule rule, DateOnly target, bool latestOnOrBefore)
    {
        DateOnly DueOf(DateOnly dispensed) => dispensed.AddMonths(rule.OffsetMonths).AddDays(rule.OffsetDays);
        var dispensed = target.AddDays(-rule.OffsetDays).AddMonths(-rule.OffsetMonths).AddDays(-3);
        while (DueOf(dispensed.AddDays(1)) <= target)
        {
            dispensed = dispensed.AddDays(1);
        }
        return latestOnOrBefore || DueOf(dispensed) == target ? dispensed : dispensed.AddDays(1);
    }

    [Theory]
    [InlineData("community")]
    [InlineData("technician")]
    [InlineData("device")]
    [InlineData("assessor")]
    public async Task Case_queue_counts_from_one_grouped_query_match_the_queue_lists(string user)
    {
        await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        await app.AddCaseAsync(CaseKind.Prosthesis, CaseState.Screening);
        await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingDeviceReview, direction: Kangfu.Web.Modules.Organization.DeviceDirection.Hearing);
        await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingDeviceService);
        await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment);
        using var client = await app.LoginAsync(user);
        var counts = (await client.QueueAsync(Kangfu.Web.Modules.Referrals.CaseQueue.QueueKey.HomeAssessment)).Counts;
        Assert.NotEmpty(counts);
        foreach (var q in counts)
        {
            Assert.Equal(q.Count, (await client.QueueAsync(q.Key)).Cases.Total);
        }
    }

    [Theory]
    [InlineData(CancelReason.Deceased, "死亡")]
    [InlineData(CancelReason.MovedOut, "迁出")]
    [InlineData(CancelReason.LostContact, "失访")]
    [InlineData(CancelReason.Refused, "拒绝")]
    [InlineData(CancelReason.Voided, "作废")]
    [InlineData(CancelReason.Other, "其他")]
    public async Task Each_cancel_reason_is_recorded_with_the_case_and_on_the_timeline(CancelReason reason, string name)
    {
        var c = await app.DispensedDeviceCaseAsync(FollowUpKit.Today.AddMonths(-1));
        using var community = await app.LoginAsync("community");
        if (reason == CancelReason.Other)
        {
            var noText = await community.TryActAsync(c.Id, "cancel", new { reason });
            Assert.Contains("原因为“其他”时请填写说明", await noText.ProblemAsync(HttpStatusCode.BadRequest));
        }
        Assert.Equal(CaseState.Cancelled, (await community.ActAsync(c.Id, "cancel", new { reason, comment = reason == CancelReason.Other ? "重复登记" : null })).State);
        Assert.Equal(reason, (await app.LoadAsync(c.Id)).CancelReason);
        var events = await app.WithDbAsync(db => db.PersonEvents.Where(e => e.PersonId == c.PersonId && e.Kind == "referrals.cancel").Select(e => e.Detail).ToListAsync());
        Assert.Contains(events, d => d!.Contains(name));
        // A cancelled case leaves the follow-up queues and cannot be closed.
        Assert.DoesNotContain((await QueueAsync(community, FollowUpQueueKey.Due)).Visits.Items, r => r.CaseId == c.Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await community.TryActAsync(c.Id, "close", new { outcome = CaseOutcome.Effective })).StatusCode);
    }

    [Theory]
    [InlineData(CancelReason.Deceased, true)]
    [InlineData(CancelReason.MovedOut, true)]
    [InlineData(CancelReason.Refused, false)]
    public async Task Death_or_moving_out_can_cancel_the_persons_other_open_cases(CancelReason reason, bool cascades)
    {
        var first = await app.DispensedDeviceCaseAsync(FollowUpKit.Today.AddMonths(-1));
        var second = await AddCaseForAsync(first.PersonId, CaseState.AwaitingService);
        using var community = await app.LoginAsync("community");
        await community.ActAsync(first.Id, "cancel", new { reason, alsoCancelOtherCases = true });
        var other = await app.LoadAsync(second.Id);
        Assert.Equal(cascades ? CaseState.Cancelled : CaseState.AwaitingService, other.State);
        Assert.Equal(cascades ? reason : null, other.CancelReason);
    }

    private async Task<RehabCase> AddCaseForAsync(Guid personId, CaseState state)
    {
        var template = await app.AddCaseAsync(CaseKind.Service, state);
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.FirstAsync(x => x.Id == template.Id);
            c.PersonId = personId;
            return await db.SaveChangesAsync();
        });
        return await app.LoadAsync(template.Id);
    }

    private static async Task<FollowUpQueuePage> QueueAsync(HttpClient client, FollowUpQueueKey key) =>
        (await client.GetFromJsonAsync<FollowUpQueuePage>($"/api/followups?queue={(int)key}&pageSize=200"))!;

    private static int Count(IReadOnlyList<FollowUpQueueCount> counts, FollowUpQueueKey key) => counts.Single(c => c.Key == key).Count;
}

[Collection(SqliteCollection.Name)]
public sealed class FollowUpTestsSqlite(SqliteApp app) : FollowUpTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FollowUpTestsPostgres(PostgresApp app) : FollowUpTests(app);
