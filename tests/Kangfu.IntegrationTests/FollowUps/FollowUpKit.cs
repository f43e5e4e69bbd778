using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Kangfu.Web.Modules.FollowUps;
using Kangfu.Web.Modules.FollowUps.Record;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.FollowUps;

/// <summary>Test intents for follow-ups: a served case, its visits, recording them through the API.</summary>
public static class FollowUpKit
{
    public static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A device case handed over by the device service institution on the given date (through the API).</summary>
    public static async Task<RehabCase> DispensedDeviceCaseAsync(this KangfuApp app, DateOnly completedOn, string? area = null)
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingDeviceService, area: area);
        using var device = await app.LoginAsync("device");
        await device.ActAsync(c.Id, "complete", new { deviceCodes = new[] { "102220301" }, completedOn = completedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        return await app.LoadAsync(c.Id);
    }

    public static async Task<List<FollowUpView>> FollowUpsAsync(this HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<List<FollowUpView>>($"/api/cases/{caseId}/followups"))!;

    public static async Task<HttpResponseMessage> TryRecordAsync(this HttpClient client, FollowUpView visit, object answers, DateOnly? doneOn = null,
        string? methodDetail = null, bool lostContact = false, string? comment = null, Guid? version = null) =>
        await client.PostAsJsonAsync($"/api/followups/{visit.Id}", new
        {
            version = version ?? visit.Version,
            doneOn = (doneOn ?? Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            answers,
            methodDetail,
            lostContact,
            comment,
        });

    public static async Task RecordAsync(this HttpClient client, FollowUpView visit, object answers, DateOnly? doneOn = null)
    {
        var response = await client.TryRecordAsync(visit, answers, doneOn);
        Assert.True(response.IsSuccessStatusCode, $"record: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static Dictionary<string, string[]> Received1Month => new()
    {
        ["1"] = ["A.收到"],
        ["2"] = ["已经使用"],
        ["3"] = ["满意"],
        ["4"] = ["不需要"],
        ["5"] = ["电话"],
    };

    public static Dictionary<string, string[]> Unhappy6Month => new()
    {
        ["1"] = ["偶尔"],
        ["2"] = ["不满意"],
        ["3"] = ["不好用", "已损坏"],
        ["4"] = ["需要"],
        ["5"] = ["需要"],
        ["6"] = ["入户（建议）"],
    };

    public static async Task<List<FollowUpRule>> RulesAsync(this KangfuApp app, CaseKind kind) =>
        await app.WithDbAsync(db => db.FollowUpRules.AsNoTracking().Where(r => r.DistrictCode == KangfuApp.District && r.CaseKind == kind).OrderBy(r => r.Sequence).ToListAsync());
}
