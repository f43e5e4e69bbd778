using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>Export to .xlsx: masked by default, unmasked only for a role that may and asks, scoped, capped and always audited.</summary>
public abstract class ExportTests(KangfuApp app)
{
    [Fact]
    public async Task Export_is_masked_by_default_no_full_id_number_in_any_cell()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityB);
        using var client = await app.LoginAsync("approver");

        var cells = await ExportAsync(client, "");

        var allIds = await app.WithDbAsync(db => db.Persons.Select(p => p.IdNumber).ToListAsync());
        var text = cells.SelectMany(r => r).ToList();
        Assert.Contains(text, c => c == Web.Platform.Privacy.Mask.IdNumber(person.IdNumber));
        Assert.DoesNotContain(text, c => allIds.Any(id => c.Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain(text, c => c.Contains(person.Phone!, StringComparison.Ordinal));
        Assert.DoesNotContain("出生日期", cells[0]);
        Assert.Equal(allIds.Count + 1, cells.Count);
        await AssertAuditedAsync("approver", $"导出{allIds.Count}人，已脱敏");
    }

    [Fact]
    public async Task Unmasked_export_only_for_a_role_that_may_and_asks()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityB);
        using var approver = await app.LoginAsync("approver");
        using var reviewer = await app.LoginAsync("reviewer");

        var unmasked = await ExportAsync(approver, $"q={person.IdNumber}&unmasked=true");
        var refused = await reviewer.GetAsync($"/api/persons/export.xlsx?q={person.IdNumber}&unmasked=true");

        Assert.Equal(2, unmasked.Count);
        Assert.Contains(person.IdNumber, unmasked[1]);
        Assert.Contains(person.Phone!, unmasked[1]);
        await AssertAuditedAsync("approver", "导出1人，未脱敏");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == "reviewer" && a.Action == AuditActions.Export).ToListAsync());
        Assert.Contains(denied, a => a.Result == "拒绝");
    }

    [Fact]
    public async Task Community_user_exports_only_their_community()
    {
        await app.AddPersonAsync(KangfuApp.CommunityA);
        var own = await app.AddPersonAsync(KangfuApp.CommunityB);
        using var client = await app.LoginAsync("community2");

        var cells = await ExportAsync(client, "");

        var area = cells[0].IndexOf("所属社区");
        Assert.True(cells.Count > 1);
        Assert.All(cells.Skip(1), r => Assert.Equal(KangfuApp.CommunityB, r[area]));
        Assert.Contains(cells, r => r[0] == own.Name);
    }

    [Fact]
    public async Task Export_over_the_row_cap_is_a_clear_400()
    {
        var options = app.Services.GetRequiredService<RegistryOptions>();
        var cap = options.ExportMaxRows;
        options.ExportMaxRows = 1;
        try
        {
            using var client = await app.LoginAsync("reviewer");
            var response = await client.GetAsync("/api/persons/export.xlsx");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("超过单次导出上限1人", await ImportApi.ProblemAsync(response));
        }
        finally
        {
            options.ExportMaxRows = cap;
        }
    }

    [Fact]
    public async Task Unmasked_export_reimports_with_no_changes()
    {
        await app.AddPersonAsync(KangfuApp.CommunityB);
        using var approver = await app.LoginAsync("approver");
        // The whole of 杭州道街道: demo persons of every target type and category, plus those other tests added.
        var response = await approver.GetAsync("/api/persons/export.xlsx?area=120116005000&unmasked=true");
        response.EnsureSuccessStatusCode();
        using var importer = await app.LoginAsync("admin");

        var validated = await ImportApi.ValidateAsync(importer, await response.Content.ReadAsByteArrayAsync(), "导出.xlsx");

        Assert.Empty(validated.Summary!.Errors);
        Assert.True(validated.Summary.ValidRows > 0);
        Assert.Equal((0, 0, validated.Summary.ValidRows), (validated.Summary.New, validated.Summary.Changed, validated.Summary.Unchanged));
    }

    [Fact]
    public async Task Template_has_every_column_and_an_example_row_that_validates()
    {
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var response = await client.GetAsync("/api/persons/import/template.xlsx");
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var cells = RegistryFiles.ReadCells(bytes);

        Assert.Equal(2, cells.Count);
        Assert.Equal(["姓名", "身份证号", "残疾证号", "对象类别"], cells[0].Take(4));
        Assert.Contains(KangfuApp.CommunityB, cells[1]);
        var validated = await ImportApi.ValidateAsync(client, bytes, "模板.xlsx");
        Assert.Equal(1, validated.Summary!.ValidRows);
    }

    private static async Task<List<List<string>>> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/persons/export.xlsx?" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return RegistryFiles.ReadCells(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task AssertAuditedAsync(string user, string text)
    {
        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == user && a.Action == AuditActions.Export).ToListAsync());
        Assert.Contains(audits, a => a.Changes!.Contains(text, StringComparison.Ordinal) && a.Result == "成功");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportTestsSqlite(SqliteApp app) : ExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ExportTestsPostgres(PostgresApp app) : ExportTests(app);
