using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Referrals.Actions;
using Kangfu.Web.Modules.Referrals.CasePage;
using Kangfu.Web.Modules.Referrals.CaseQueue;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.PersonList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Referrals;

public sealed record QueuePage(IReadOnlyList<QueueCount> Counts, QueueKey Queue, PagedResult<CaseRow> Cases);

/// <summary>Test intents for cases: open one as the router would, act on it through the API, read it back.</summary>
public static class CaseKit
{
    /// <summary>A freshly routed case (WithdrawTo = Withdrawn, as the CaseRouter sets for conditions 1–3).</summary>
    public static async Task<RehabCase> AddCaseAsync(this KangfuApp app, CaseKind kind, CaseState state,
        DisabilityCategory category = DisabilityCategory.Physical, DeviceDirection direction = DeviceDirection.None, string? area = null)
    {
        var person = await app.AddPersonAsync(area ?? KangfuApp.CommunityA, category: category);
        return await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var c = new RehabCase
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                AreaCode = person.AreaCode,
                Year = now.Year,
                Kind = kind,
                State = state,
                WithdrawTo = state is CaseState.AwaitingHomeAssessment or CaseState.AwaitingInstitutionAssessment or CaseState.AwaitingService
                    ? CaseState.Withdrawn : null,
                Category = category,
                Direction = direction == DeviceDirection.None && kind != CaseKind.Service ? DeviceDirection.Limb : direction,
                ServiceItemCode = "T01",
                ServiceItemName = kind == CaseKind.Service ? "康复训练" : "辅助器具适配",
                CreatedAt = now,
                StateChangedAt = now,
            };
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
    }

    public static async Task<CaseDetail> GetCaseAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/cases/{id}");
        Assert.True(response.IsSuccessStatusCode, $"GET case: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseDetail>())!;
    }

    public static async Task<QueuePage> QueueAsync(this HttpClient client, QueueKey queue) =>
        (await client.GetFromJsonAsync<QueuePage>($"/api/cases?queue={(int)queue}&pageSize=200"))!;

    /// <summary>Posts an action with the case's current version; returns the raw response.</summary>
    public static async Task<HttpResponseMessage> TryActAsync(this HttpClient client, Guid id, string action, object? input = null, Guid? version = null)
    {
        var body = input is null ? new JsonObject() : JsonSerializer.SerializeToNode(input, JsonSerializerOptions.Web)!.AsObject();
        body["version"] = version ?? (await client.GetCaseAsync(id)).Version;
        return await client.PostAsJsonAsync($"/api/cases/{id}/{action}", body);
    }

    public static async Task<CaseActionResult> ActAsync(this HttpClient client, Guid id, string action, object? input = null)
    {
        var response = await client.TryActAsync(id, action, input);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseActionResult>())!;
    }

    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["detail"]!.GetValue<string>();
    }

    public static async Task<RehabCase> LoadAsync(this KangfuApp app, Guid id) =>
        await app.WithDbAsync(db => db.Cases.AsNoTracking().FirstAsync(c => c.Id == id));

    /// <summary>A technician of the device service centre with only the given directions.</summary>
    public static async Task<string> EnsureTechnicianAsync(this KangfuApp app, string userName, DeviceDirection direction)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Kangfu.Web.Platform.Data.KangfuDbFactory>().CreateDbContext();
        var centre = await db.Institutions.Where(i => i.DistrictCode == KangfuApp.District && i.Name == "滨海新区辅助器具服务中心").Select(i => i.Id).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<UserSeeder>().EnsureUserAsync(
            new NewUser(userName, "技术人员" + userName, Roles.DeviceTechnician, KangfuApp.District, null, centre, direction), KangfuApp.Password);
        return userName;
    }

    /// <summary>
    /// A rehab-institution login of 塘沽街社区康复站, so that the grants these tests write do not reach the demo "rehab"
    /// login of the hospital (registry tests expect it to see nobody).
    /// </summary>
    public static async Task<(string UserName, Guid InstitutionId)> EnsureRehabStationAsync(this KangfuApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Kangfu.Web.Platform.Data.KangfuDbFactory>().CreateDbContext();
        var station = await db.Institutions.Where(i => i.DistrictCode == KangfuApp.District && i.Name == "塘沽街社区康复站").Select(i => i.Id).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<UserSeeder>().EnsureUserAsync(
            new NewUser("rehab_station", "康复站人员", Roles.RehabInstitution, KangfuApp.District, null, station), KangfuApp.Password);
        return ("rehab_station", station);
    }

    /// <summary>A complete 2-3-4 肢体综合 home assessment (bedridden branch).</summary>
    public static object LimbAssessment(params string[] wishes) => new
    {
        scheme = "2-3-4",
        answers = new Dictionary<string, string>
        {
            ["1"] = "A.有",
            ["2"] = "A.有",
            ["2-1"] = "A.能",
            ["3"] = "B.否",
            ["3-4"] = "A.不能",
            ["3-4-1"] = "B.不能",
            ["4"] = "A.无",
        },
        wishes,
        deviceCodes = new[] { "102220301", "101030301" },
        personSignature = TestPng.Create(),
        staffSignature = TestPng.Create(80, 30),
    };
}
