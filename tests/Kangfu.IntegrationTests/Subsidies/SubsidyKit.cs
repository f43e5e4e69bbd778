using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Subsidies;
using Kangfu.Web.Modules.Subsidies.Applications;
using Kangfu.Web.Modules.Subsidies.Budgets;
using Kangfu.Web.Modules.Subsidies.Decide;
using Kangfu.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Subsidies;

/// <summary>Test intents for subsidies: a case with a catalog item, an application taken through the approval chain, a budget.</summary>
public static class SubsidyKit
{
    /// <summary>轮椅等辅助器具: physical, 7 and older, certificate, ¥1,200 per fitting.</summary>
    public const string Wheelchair = "L-DEV-02";

    public static int Year => TimeProvider.System.Today().Year;

    /// <summary>A case of a new adult physical person for the given catalog item, optionally assigned to an institution.</summary>
    public static async Task<RehabCase> AddItemCaseAsync(this KangfuApp app, string itemCode = Wheelchair, CaseKind kind = CaseKind.Service,
        CaseState state = CaseState.AwaitingService, Guid? institutionId = null)
    {
        var c = await app.AddCaseAsync(kind, state);
        await app.WithDbAsync(async db =>
        {
            var item = await db.ServiceItems.FirstAsync(i => i.DistrictCode == KangfuApp.District && i.Code == itemCode && i.CatalogYear == Year);
            if (itemCode == Wheelchair)
            {
                // The catalog tests edit this item's standard in the shared database: pin the seed values these tests assert.
                (item.SubsidyAmount, item.SubsidyUnit, item.YearlyCap, item.ServiceLifeMonths) = (1200m, SubsidyUnit.PerFitting, null, 48);
            }
            var tracked = await db.Cases.FirstAsync(x => x.Id == c.Id);
            (tracked.ServiceItemId, tracked.ServiceItemCode, tracked.ServiceItemName, tracked.InstitutionId) = (item.Id, item.Code, item.Name, institutionId);
            await db.SaveChangesAsync();
            return 0;
        });
        return await app.LoadAsync(c.Id);
    }

    public static Task<HttpResponseMessage> TryApplyAsync(this HttpClient client, Guid caseId, object? extra = null) =>
        client.PostAsJsonAsync("/api/subsidies/applications", extra ?? new { caseId });

    public static async Task<ApplicationResult> ApplyAsync(this HttpClient client, Guid caseId, object? body = null) =>
        await ReadAsync<ApplicationResult>(await client.TryApplyAsync(caseId, body), "apply");

    public static async Task<ApplicationDetail> GetApplicationAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ApplicationDetail>($"/api/subsidies/applications/{id}"))!;

    public static async Task<HttpResponseMessage> TryDecideAsync(this HttpClient client, Guid id, string action, object? body = null, Guid? version = null)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body ?? new { }, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
        json["version"] = version ?? (await client.GetApplicationAsync(id)).Application.Version;
        return await client.PostAsJsonAsync($"/api/subsidies/applications/{id}/{action}", json);
    }

    public static async Task<ApplicationResult> DecideAsync(this HttpClient client, Guid id, string action, object? body = null) =>
        await ReadAsync<ApplicationResult>(await client.TryDecideAsync(id, action, body), action);

    /// <summary>A fresh fund source with a budget of the current year (the approver enters it).</summary>
    public static async Task<Guid> AddBudgetAsync(this KangfuApp app, decimal amount, string? name = null)
    {
        using var approver = await app.LoginAsync("approver");
        name ??= "测试资金" + Guid.NewGuid().ToString("N")[..6];
        var result = await ReadAsync<BudgetResult>(await approver.PostAsJsonAsync("/api/subsidies/budgets", new { fundSourceName = name, year = Year, amount }), "budget");
        return result.FundSourceId;
    }

    /// <summary>
    /// A fund source with a budget of this year, written straight to the database (for hosts whose in-memory client
    /// cannot sign in, such as the Kestrel-hosted UI app); returns the fund source's id.
    /// </summary>
    public static async Task<Guid> AddBudgetInDatabaseAsync(this KangfuApp app, decimal amount, string name)
    {
        var fund = new FundSource { DistrictCode = KangfuApp.District, Id = Guid.CreateVersion7(), Name = name };
        await app.WithDbAsync(async db =>
        {
            db.FundSources.Add(fund);
            db.Budgets.Add(new Budget
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                FundSourceId = fund.Id,
                Year = Year,
                Amount = amount,
                EffectiveFrom = new DateOnly(Year, 1, 1),
                EffectiveTo = new DateOnly(Year, 12, 31),
            });
            return await db.SaveChangesAsync();
        });
        return fund.Id;
    }

    /// <summary>Community applies, street and district approve: returns the application and its card.</summary>
    public static async Task<ApplicationResult> ApproveThroughAsync(this KangfuApp app, Guid caseId, Guid fundSourceId, decimal? amount = null)
    {
        using var community = await app.LoginAsync("community");
        var applied = await community.ApplyAsync(caseId);
        using var street = await app.LoginAsync("street");
        await street.DecideAsync(applied.Id, "approve-street", new { comment = "情况属实" });
        using var approver = await app.LoginAsync("approver");
        return await approver.DecideAsync(applied.Id, "approve-district", new { fundSourceId, amount, comment = "同意" });
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what)
    {
        Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task<decimal> BudgetApprovedAsync(this KangfuApp app, Guid fundSourceId) =>
        await app.WithDbAsync(db => db.Budgets.Where(b => b.FundSourceId == fundSourceId && b.Year == Year).Select(b => b.Approved).FirstAsync());

    public static async Task<List<string>> EventKindsAsync(this KangfuApp app, Guid personId) =>
        await app.WithDbAsync(db => db.PersonEvents.Where(e => e.PersonId == personId).Select(e => e.Kind).ToListAsync());


}
