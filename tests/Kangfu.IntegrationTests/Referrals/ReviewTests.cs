using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Referrals.Actions;
using Kangfu.Web.Modules.Referrals.CaseQueue;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.IntegrationTests.Referrals;

/// <summary>Review outcomes of module 3 and the technician's direction filter.</summary>
public abstract class ReviewTests(KangfuApp app)
{
    private async Task<(HttpClient Technician, RehabCase Case)> InReviewAsync(CaseKind kind, CaseState awaiting, DeviceDirection direction, ProsthesisKind prosthesis = ProsthesisKind.None)
    {
        var c = await app.AddCaseAsync(kind, awaiting, direction: direction);
        if (prosthesis != ProsthesisKind.None)
        {
            await app.WithDbAsync(async db =>
            {
                var row = await db.Cases.FindAsync(c.DistrictCode, c.Id);
                row!.ProsthesisKind = prosthesis;
                return await db.SaveChangesAsync();
            });
        }
        var technician = await app.LoginAsync("technician");
        await technician.ActAsync(c.Id, "start-review");
        return (technician, c);
    }

    [Fact]
    public async Task Device_review_pass_modified_requires_a_changed_device_list()
    {
        var (technician, c) = await InReviewAsync(CaseKind.Device, CaseState.AwaitingDeviceReview, DeviceDirection.Limb);
        var unchanged = await technician.TryActAsync(c.Id, "device-review", new { outcome = DeviceReviewOutcome.PassModified, deviceCodes = Array.Empty<string>() });
        Assert.Contains("修改后通过须修改辅具清单", await unchanged.ProblemAsync(HttpStatusCode.BadRequest));

        var result = await technician.ActAsync(c.Id, "device-review", new { outcome = DeviceReviewOutcome.PassModified, deviceCodes = new[] { "102060301" } });
        Assert.Equal(CaseState.AwaitingDeviceService, result.State);
        Assert.Equal("102060301", (await app.LoadAsync(c.Id)).DeviceCodes);
        var last = (await technician.GetCaseAsync(c.Id)).History[^1];
        Assert.Equal(CaseAction.ReviewPassModified, last.Action);
        Assert.Contains("102060301", last.DataJson);
        technician.Dispose();
    }

    [Fact]
    public async Task Device_review_reassess_then_reassessment_goes_to_device_service()
    {
        var (technician, c) = await InReviewAsync(CaseKind.Device, CaseState.AwaitingDeviceReview, DeviceDirection.Limb);
        var noReason = await technician.TryActAsync(c.Id, "device-review", new { outcome = DeviceReviewOutcome.Reassess });
        Assert.Contains("请填写重新评估的原因", await noReason.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(CaseState.AwaitingReassessment, (await technician.ActAsync(c.Id, "device-review", new { outcome = DeviceReviewOutcome.Reassess, comment = "轮椅尺寸需复测" })).State);
        Assert.Contains((await technician.QueueAsync(QueueKey.Review)).Cases.Items, r => r.Id == c.Id && r.State == CaseState.AwaitingReassessment);
        Assert.Equal(CaseState.AwaitingDeviceService, (await technician.ActAsync(c.Id, "reassessment", new { deviceCodes = new[] { "102220302" } })).State);
        Assert.Equal("102220302", (await app.LoadAsync(c.Id)).DeviceCodes);
        technician.Dispose();
    }

    [Fact]
    public async Task Prosthesis_reject_chain_changjiang_then_other_then_device_review()
    {
        var (technician, c) = await InReviewAsync(CaseKind.Prosthesis, CaseState.AwaitingProsthesisReview, DeviceDirection.Prosthesis, ProsthesisKind.ChangjiangXinlicheng);
        var first = await technician.ActAsync(c.Id, "prosthesis-review", new { pass = false, comment = "不符合长江新里程条件" });
        Assert.Equal(CaseState.AwaitingProsthesisReview, first.State);
        Assert.Equal(ProsthesisKind.OtherProsthesis, (await app.LoadAsync(c.Id)).ProsthesisKind);

        await technician.ActAsync(c.Id, "start-review");
        var second = await technician.ActAsync(c.Id, "prosthesis-review", new { pass = false });
        Assert.Equal(CaseState.ReferredToDevice, second.State);
        var child = await app.LoadAsync(Assert.Single(second.SpawnedCaseIds));
        Assert.Equal((CaseKind.Device, CaseState.AwaitingDeviceReview, c.Id), (child.Kind, child.State, child.ParentCaseId));
        Assert.True(child.Direction.HasFlag(DeviceDirection.Prosthesis));
        technician.Dispose();
    }

    [Fact]
    public async Task Orthosis_reject_goes_straight_to_device_review()
    {
        var (technician, c) = await InReviewAsync(CaseKind.Prosthesis, CaseState.AwaitingProsthesisReview, DeviceDirection.Prosthesis, ProsthesisKind.Orthosis);
        var result = await technician.ActAsync(c.Id, "prosthesis-review", new { pass = false });
        Assert.Equal(CaseState.ReferredToDevice, result.State);
        Assert.Single(result.SpawnedCaseIds);
        technician.Dispose();
    }

    [Fact]
    public async Task Accessibility_not_suitable_goes_to_device_review()
    {
        var (technician, c) = await InReviewAsync(CaseKind.Accessibility, CaseState.AwaitingAccessibilityReview, DeviceDirection.Accessibility);
        var result = await technician.ActAsync(c.Id, "accessibility-review", new { pass = false, comment = "房屋结构不适合" });
        Assert.Equal(CaseState.ReferredToDevice, result.State);
        var child = await app.LoadAsync(Assert.Single(result.SpawnedCaseIds));
        Assert.Equal(CaseState.AwaitingDeviceReview, child.State);
        technician.Dispose();
    }

    [Fact]
    public async Task Hearing_technician_neither_sees_nor_acts_on_a_limb_case()
    {
        var limb = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingDeviceReview, direction: DeviceDirection.Limb);
        var hearingCase = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingDeviceReview, DisabilityCategory.Hearing, DeviceDirection.Hearing);
        using var hearing = await app.LoginAsync(await app.EnsureTechnicianAsync("tech_hearing", DeviceDirection.Hearing));

        var queue = (await hearing.QueueAsync(QueueKey.Review)).Cases.Items;
        Assert.DoesNotContain(queue, r => r.Id == limb.Id);
        Assert.Contains(queue, r => r.Id == hearingCase.Id);
        Assert.Empty((await hearing.GetCaseAsync(limb.Id)).Actions);
        var refused = await hearing.TryActAsync(limb.Id, "start-review");
        Assert.Contains("您的辅具方向（听力类辅具）不能处理", await refused.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(CaseState.AwaitingDeviceReview, (await app.LoadAsync(limb.Id)).State);
    }

    [Fact]
    public async Task Prosthesis_technician_sees_prosthesis_cases_only()
    {
        var prosthesis = await app.AddCaseAsync(CaseKind.Prosthesis, CaseState.AwaitingProsthesisReview, direction: DeviceDirection.Prosthesis);
        var accessibility = await app.AddCaseAsync(CaseKind.Accessibility, CaseState.AwaitingAccessibilityReview, direction: DeviceDirection.Accessibility);
        using var tech = await app.LoginAsync(await app.EnsureTechnicianAsync("tech_prosthesis", DeviceDirection.Prosthesis));
        var queue = (await tech.QueueAsync(QueueKey.Review)).Cases.Items;
        Assert.Contains(queue, r => r.Id == prosthesis.Id);
        Assert.DoesNotContain(queue, r => r.Id == accessibility.Id);
        Assert.All(queue, r => Assert.True(r.Direction.HasFlag(DeviceDirection.Prosthesis)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReviewTestsSqlite(SqliteApp app) : ReviewTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReviewTestsPostgres(PostgresApp app) : ReviewTests(app);
