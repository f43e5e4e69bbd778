using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Referrals.Actions;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Referrals;

/// <summary>Withdrawal, optimistic concurrency, audit of every transition, cancellation and institution access grants.</summary>
public abstract class CaseGuardTests(KangfuApp app)
{
    [Fact]
    public async Task Withdraw_before_the_next_stage_acts_returns_to_assessment()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        using var community = await app.LoginAsync("community");
        await community.ActAsync(c.Id, "start-home-assessment");
        await community.ActAsync(c.Id, "home-assessment", CaseKit.LimbAssessment());
        Assert.Contains(CaseAction.Withdraw, (await community.GetCaseAsync(c.Id)).Actions);

        var result = await community.ActAsync(c.Id, "withdraw");
        Assert.Equal(CaseState.HomeAssessing, result.State);
        Assert.Null((await app.LoadAsync(c.Id)).WithdrawTo);
    }

    [Fact]
    public async Task Withdraw_after_the_next_stage_acted_is_refused_and_changes_nothing()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        using var community = await app.LoginAsync("community");
        await community.ActAsync(c.Id, "start-home-assessment");
        await community.ActAsync(c.Id, "home-assessment", CaseKit.LimbAssessment());
        using var technician = await app.LoginAsync("technician");
        await technician.ActAsync(c.Id, "start-review");
        var before = await app.LoadAsync(c.Id);
        var transitions = await app.WithDbAsync(db => db.CaseTransitions.CountAsync(t => t.CaseId == c.Id));

        var refused = await community.TryActAsync(c.Id, "withdraw");
        Assert.Contains("不能执行“撤回”", await refused.ProblemAsync(HttpStatusCode.BadRequest));
        var after = await app.LoadAsync(c.Id);
        Assert.Equal((before.State, before.Version), (after.State, after.Version));
        Assert.Equal(transitions, await app.WithDbAsync(db => db.CaseTransitions.CountAsync(t => t.CaseId == c.Id)));
    }

    [Fact]
    public async Task Routed_case_withdrawn_from_the_assessment_queue()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment);
        using var community = await app.LoginAsync("community");
        Assert.Equal(CaseState.Withdrawn, (await community.ActAsync(c.Id, "withdraw")).State);
    }

    [Fact]
    public async Task Two_users_acting_on_the_same_version_exactly_one_wins()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingDeviceReview);
        using var first = await app.LoginAsync("technician");
        using var second = await app.LoginAsync(await app.EnsureTechnicianAsync("tech_limb", Kangfu.Web.Modules.Organization.DeviceDirection.Limb));
        var version = (await first.GetCaseAsync(c.Id)).Version;

        var responses = await Task.WhenAll(first.TryActAsync(c.Id, "start-review", version: version), second.TryActAsync(c.Id, "start-review", version: version));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        Assert.Equal("该个案已被其他用户处理，请刷新后重试。", await loser.ProblemAsync(HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseTransitions.CountAsync(t => t.CaseId == c.Id)));
    }

    [Fact]
    public async Task Stale_version_gets_409_even_when_the_action_is_still_allowed()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        using var community = await app.LoginAsync("community");
        var stale = (await community.GetCaseAsync(c.Id)).Version;
        await community.ActAsync(c.Id, "start-home-assessment");
        var response = await community.TryActAsync(c.Id, "cancel", new { reason = CancelReason.Refused }, stale);
        Assert.Equal("该个案已被其他用户处理，请刷新后重试。", await response.ProblemAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Every_transition_has_a_history_row_an_audit_row_and_a_timeline_entry()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment);
        using var assessor = await app.LoginAsync("assessor");
        await assessor.ActAsync(c.Id, "start-institution-assessment");
        await assessor.ActAsync(c.Id, "institution-assessment", new { outcome = InstitutionAssessmentOutcome.RehabService });
        using var rehab = await app.LoginAsync((await app.EnsureRehabStationAsync()).UserName);
        await rehab.ActAsync(c.Id, "served");

        var history = (await rehab.GetCaseAsync(c.Id)).History;
        Assert.Equal([CaseAction.StartInstitutionAssessment, CaseAction.ReferToService, CaseAction.MarkServed, CaseAction.FollowUpDue], history.Select(h => h.Action));
        Assert.Equal([CaseState.InstitutionAssessing, CaseState.AwaitingService, CaseState.Served, CaseState.FollowUpDue], history.Select(h => h.To));
        var id = c.Id.ToString();
        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(RehabCase) && a.EntityId == id && a.Action == "update").ToListAsync());
        Assert.Equal(3, audits.Count);
        Assert.All(audits, a => Assert.Contains("State", a.Changes));
        var events = await app.WithDbAsync(db => db.PersonEvents.Where(e => e.PersonId == c.PersonId).Select(e => e.Kind).ToListAsync());
        Assert.Contains("referrals.startInstitutionAssessment", events);
        Assert.Contains("referrals.referToService", events);
        Assert.Contains("referrals.markServed", events);
    }

    [Fact]
    public async Task Institution_users_see_the_person_only_after_a_grant()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment);
        using var assessor = await app.LoginAsync("assessor");
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync($"/api/persons/{c.PersonId}")).StatusCode);
        await assessor.ActAsync(c.Id, "start-institution-assessment");
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync($"/api/persons/{c.PersonId}")).StatusCode);

        var (rehabUser, rehabId) = await app.EnsureRehabStationAsync();
        using var rehab = await app.LoginAsync(rehabUser);
        Assert.Equal(HttpStatusCode.NotFound, (await rehab.GetAsync($"/api/persons/{c.PersonId}")).StatusCode);
        await assessor.ActAsync(c.Id, "institution-assessment", new { outcome = InstitutionAssessmentOutcome.RehabService, rehabInstitutionId = rehabId });
        Assert.Equal(HttpStatusCode.OK, (await rehab.GetAsync($"/api/persons/{c.PersonId}")).StatusCode);
    }

    [Fact]
    public async Task Cancel_needs_a_reason_and_a_supervisor()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingService);
        using var rehab = await app.LoginAsync("rehab");
        var notSupervisor = await rehab.TryActAsync(c.Id, "cancel", new { reason = CancelReason.Deceased });
        Assert.Contains("不能作废个案", await notSupervisor.ProblemAsync(HttpStatusCode.BadRequest));
        using var community = await app.LoginAsync("community");
        var noReason = await community.TryActAsync(c.Id, "cancel");
        Assert.Contains("请选择作废原因", await noReason.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(CaseState.Cancelled, (await community.ActAsync(c.Id, "cancel", new { reason = CancelReason.Deceased })).State);
        Assert.Equal(CancelReason.Deceased, (await app.LoadAsync(c.Id)).CancelReason);
    }

    [Fact]
    public async Task Community_user_of_another_community_cannot_see_the_case()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment, area: KangfuApp.CommunityB);
        using var community = await app.LoginAsync("community");
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/cases/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.TryActAsync(c.Id, "start-home-assessment", version: c.Version)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CaseGuardTestsSqlite(SqliteApp app) : CaseGuardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CaseGuardTestsPostgres(PostgresApp app) : CaseGuardTests(app);
