using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Referrals.Actions;
using Kangfu.Web.Modules.Referrals.CaseQueue;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Referrals;

/// <summary>The national routing conditions 1–8, walked through the API by the role each step belongs to.</summary>
public abstract class RoutingTests(KangfuApp app)
{
    [Fact]
    public async Task Condition_1_device_case_goes_to_home_assessment_then_condition_6_to_device_review()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        using var community = await app.LoginAsync("community");
        Assert.Contains((await community.QueueAsync(QueueKey.HomeAssessment)).Cases.Items, r => r.Id == c.Id);

        await community.ActAsync(c.Id, "start-home-assessment");
        var result = await community.ActAsync(c.Id, "home-assessment", CaseKit.LimbAssessment("E"));

        Assert.Equal(CaseState.AwaitingDeviceReview, result.State);
        Assert.Empty(result.SpawnedCaseIds);
        var saved = await app.LoadAsync(c.Id);
        Assert.Equal("2-3-4", saved.FittingScheme);
        Assert.Equal("102220301,101030301", saved.DeviceCodes);
        Assert.Equal(CaseState.HomeAssessing, saved.WithdrawTo);
        using var technician = await app.LoginAsync("technician");
        Assert.Contains((await technician.QueueAsync(QueueKey.Review)).Cases.Items, r => r.Id == c.Id);
    }

    [Fact]
    public async Task Home_assessment_refuses_incomplete_2_3_4_answers_and_missing_signatures()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        using var community = await app.LoginAsync("community");
        await community.ActAsync(c.Id, "start-home-assessment");
        var response = await community.TryActAsync(c.Id, "home-assessment", new
        {
            scheme = "2-3-4",
            answers = new Dictionary<string, string> { ["1"] = "B.无", ["3-4-7"] = "A.否" },
            wishes = new[] { "M" },
        });
        var message = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请回答第2题", message);
        Assert.Contains("肢体无残缺时不能选择“假肢”", message);
        Assert.Contains("请残疾人或监护人签字", message);
        Assert.Contains("请服务人员签字", message);
        Assert.Equal(CaseState.HomeAssessing, (await app.LoadAsync(c.Id)).State);
    }

    [Fact]
    public async Task Condition_2_and_8_institution_assessment_refers_to_rehab_service()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment);
        using var assessor = await app.LoginAsync("assessor");
        Assert.Contains((await assessor.QueueAsync(QueueKey.InstitutionAssessment)).Cases.Items, r => r.Id == c.Id);

        await assessor.ActAsync(c.Id, "start-institution-assessment");
        var (rehabUser, rehabId) = await app.EnsureRehabStationAsync();
        var result = await assessor.ActAsync(c.Id, "institution-assessment",
            new { outcome = InstitutionAssessmentOutcome.RehabService, rehabInstitutionId = rehabId, notes = "需康复训练" });

        Assert.Equal(CaseState.AwaitingService, result.State);
        Assert.Equal(rehabId, (await app.LoadAsync(c.Id)).InstitutionId);
        using var rehab = await app.LoginAsync(rehabUser);
        Assert.Contains((await rehab.QueueAsync(QueueKey.RehabService)).Cases.Items, r => r.Id == c.Id);
        using var otherRehab = await app.LoginAsync("rehab");
        Assert.DoesNotContain((await otherRehab.QueueAsync(QueueKey.RehabService)).Cases.Items, r => r.Id == c.Id);
        Assert.Equal(CaseState.FollowUpDue, (await rehab.ActAsync(c.Id, "served")).State);
    }

    [Fact]
    public async Task Institution_assessment_refers_to_device_review_as_a_new_device_case()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment, DisabilityCategory.Hearing);
        using var assessor = await app.LoginAsync("assessor");
        await assessor.ActAsync(c.Id, "start-institution-assessment");
        var result = await assessor.ActAsync(c.Id, "institution-assessment", new { outcome = InstitutionAssessmentOutcome.DeviceReview });

        Assert.Equal(CaseState.ReferredToDevice, result.State);
        var child = await app.LoadAsync(Assert.Single(result.SpawnedCaseIds));
        Assert.Equal((CaseKind.Device, CaseState.AwaitingDeviceReview, c.Id, DeviceDirection.Hearing), (child.Kind, child.State, child.ParentCaseId, child.Direction));
        Assert.Null(child.WithdrawTo);
    }

    [Fact]
    public async Task Condition_3_service_case_is_in_the_rehab_service_queue()
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingService);
        using var rehab = await app.LoginAsync("rehab");
        var queue = await rehab.QueueAsync(QueueKey.RehabService);
        Assert.Contains(queue.Cases.Items, r => r.Id == c.Id);
        Assert.True(queue.Counts.Single(q => q.Key == QueueKey.RehabService).Count >= 1);
        using var community = await app.LoginAsync("community");
        Assert.Contains((await community.QueueAsync(QueueKey.Withdrawable)).Cases.Items, r => r.Id == c.Id && r.CanWithdraw);
    }

    [Theory]
    [InlineData(new[] { "膝关节" }, new[] { "肘关节" }, ProsthesisKind.ChangjiangXinlicheng)]
    [InlineData(new string[0], new[] { "腕关节" }, ProsthesisKind.OtherProsthesis)]
    public async Task Condition_4_prosthesis_spawn_sorts_by_residual_limb(string[] lower, string[] upper, ProsthesisKind expected)
    {
        var (community, prosthesisId) = await AssessWithAsync("M");
        var result = await community.ActAsync(prosthesisId, "prosthesis-screening", new { needsFitting = true, lowerZones = lower, upperZones = upper });
        Assert.Equal(CaseState.AwaitingProsthesisReview, result.State);
        Assert.Equal(expected, (await app.LoadAsync(prosthesisId)).ProsthesisKind);
        community.Dispose();
    }

    [Fact]
    public async Task Condition_4_orthosis_option_files_an_orthosis_case()
    {
        var (community, id) = await AssessWithAsync("N");
        Assert.Equal(ProsthesisKind.Orthosis, (await app.LoadAsync(id)).ProsthesisKind);
        var result = await community.ActAsync(id, "prosthesis-screening", new { needsFitting = true });
        Assert.Equal(CaseState.AwaitingProsthesisReview, result.State);
        Assert.Equal(ProsthesisKind.Orthosis, (await app.LoadAsync(id)).ProsthesisKind);
        community.Dispose();
    }

    [Fact]
    public async Task Prosthesis_screening_without_need_ends_as_no_need()
    {
        var (community, id) = await AssessWithAsync("M");
        Assert.Equal(CaseState.NoNeed, (await community.ActAsync(id, "prosthesis-screening", new { needsFitting = false })).State);
        community.Dispose();
    }

    [Fact]
    public async Task Condition_5_accessibility_spawn_and_screening()
    {
        var (community, id) = await AssessWithAsync("I");
        var child = await app.LoadAsync(id);
        Assert.Equal((CaseKind.Accessibility, CaseState.Screening, DeviceDirection.Accessibility), (child.Kind, child.State, child.Direction));
        var result = await community.ActAsync(id, "accessibility-screening", new { problems = new[] { "卫生间" }, remedies = new[] { "安装扶手" }, agrees = true });
        Assert.Equal(CaseState.AwaitingAccessibilityReview, result.State);
        community.Dispose();
    }

    [Fact]
    public async Task Accessibility_screening_declined_by_the_person()
    {
        var (community, id) = await AssessWithAsync("I");
        Assert.Equal(CaseState.Declined, (await community.ActAsync(id, "accessibility-screening", new { problems = new[] { "卫生间" }, agrees = false })).State);
        community.Dispose();
    }

    [Fact]
    public async Task Condition_6_and_7_each_review_pass_reaches_its_service_queue()
    {
        var (community, prosthesisId) = await AssessWithAsync("M", "I");
        var parent = (await app.LoadAsync(prosthesisId)).ParentCaseId!.Value;
        var accessibilityId = await app.WithDbAsync(db => db.Cases.Where(c => c.ParentCaseId == parent && c.Kind == CaseKind.Accessibility).Select(c => c.Id).SingleAsync());
        await community.ActAsync(prosthesisId, "prosthesis-screening", new { lowerZones = new[] { "踝关节" } });
        await community.ActAsync(accessibilityId, "accessibility-screening", new { problems = new[] { "出入口" }, remedies = new[] { "坡道" } });

        using var technician = await app.LoginAsync("technician");
        var review = (await technician.QueueAsync(QueueKey.Review)).Cases.Items.Select(r => r.Id).ToList();
        Assert.Contains(parent, review);
        Assert.Contains(prosthesisId, review);
        Assert.Contains(accessibilityId, review);

        foreach (var id in new[] { parent, prosthesisId, accessibilityId })
        {
            await technician.ActAsync(id, "start-review");
        }
        Assert.Equal(CaseState.AwaitingDeviceService, (await technician.ActAsync(parent, "device-review", new { outcome = DeviceReviewOutcome.Pass })).State);
        Assert.Equal(CaseState.AwaitingProsthesisService, (await technician.ActAsync(prosthesisId, "prosthesis-review", new { pass = true })).State);
        Assert.Equal(CaseState.AwaitingRetrofit, (await technician.ActAsync(accessibilityId, "accessibility-review", new { pass = true })).State);

        using var device = await app.LoginAsync("device");
        var service = (await device.QueueAsync(QueueKey.DeviceService)).Cases.Items.Select(r => r.Id).ToList();
        Assert.Contains(parent, service);
        Assert.Contains(prosthesisId, service);
        Assert.Contains(accessibilityId, service);

        var missing = await device.TryActAsync(parent, "complete", new { completedOn = "2026-11-20" });
        Assert.Contains("请填写发放的辅具产品", await missing.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(CaseState.FollowUpDue, (await device.ActAsync(parent, "complete", new { deviceCodes = new[] { "102220301" }, completedOn = "2026-11-20" })).State);
        Assert.Equal(CaseState.FollowUpDue, (await device.ActAsync(prosthesisId, "complete", new { completedOn = "2026-11-20" })).State);
        Assert.Equal(CaseState.FollowUpDue, (await device.ActAsync(accessibilityId, "complete", new { completedOn = "2026-11-20" })).State);
        Assert.Equal(new DateOnly(2026, 11, 20), (await app.LoadAsync(parent)).CompletedOn);
        community.Dispose();
    }

    /// <summary>Runs a device home assessment with the given extra options; returns the community client and the first spawned case.</summary>
    private async Task<(HttpClient Community, Guid Spawned)> AssessWithAsync(params string[] wishes)
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        var community = await app.LoginAsync("community");
        await community.ActAsync(c.Id, "start-home-assessment");
        var result = await community.ActAsync(c.Id, "home-assessment", CaseKit.LimbAssessment(wishes));
        Assert.Equal(wishes.Length, result.SpawnedCaseIds.Count);
        return (community, result.SpawnedCaseIds[0]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RoutingTestsSqlite(SqliteApp app) : RoutingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RoutingTestsPostgres(PostgresApp app) : RoutingTests(app);
