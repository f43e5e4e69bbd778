using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Catalog.CopyCatalog;
using Kangfu.Web.Modules.Catalog.DeviceList;
using Kangfu.Web.Modules.Catalog.Intake;
using Kangfu.Web.Modules.Catalog.ItemList;
using Kangfu.Web.Modules.Catalog.SaveItem;
using Kangfu.Web.Modules.Catalog.Seeding;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Catalog;

public abstract class CatalogTests(KangfuApp app)
{
    private static readonly UserContext Admin = new("admin-test", "admin", "区系统管理员", KangfuApp.District, null, null, [Roles.DistrictAdmin], null);
    private static readonly UserContext Reviewer = new("reviewer-test", "reviewer", "区残联审核员", KangfuApp.District, null, null, [Roles.DistrictReviewer], null);
    private static int CurrentYear => TimeProvider.System.Today().Year;

    private static T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task Demo_district_has_this_years_catalog_and_seeding_again_adds_nothing()
    {
        var count = await app.WithDbAsync(db => db.ServiceItems.CountAsync(i => i.DistrictCode == KangfuApp.District && i.CatalogYear == CurrentYear));
        Assert.Equal(CatalogSeedFile.Read().Count, count);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await Get<CatalogSeeder>(scope).HandleAsync(KangfuApp.District, CurrentYear));
        Assert.Equal(count, await app.WithDbAsync(db => db.ServiceItems.CountAsync(i => i.DistrictCode == KangfuApp.District && i.CatalogYear == CurrentYear)));
    }

    [Fact]
    public async Task Copy_to_next_year_makes_new_rows_from_january_first_and_refuses_a_second_time()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var added = await Get<CatalogSeeder>(scope).HandleAsync(KangfuApp.District, 2040);
        var result = await Get<CopyCatalogToNextYear>(scope).HandleAsync(Admin, 2040);
        Assert.Equal((2041, added), (result.TargetYear, result.Copied));
        var copied = await app.WithDbAsync(db => db.ServiceItems.Where(i => i.DistrictCode == KangfuApp.District && i.CatalogYear == 2041).ToListAsync());
        Assert.Equal(added, copied.Count);
        Assert.All(copied, i => Assert.Equal(new DateOnly(2041, 1, 1), i.EffectiveFrom));
        Assert.Equal(new DateOnly(2041, 12, 31), copied.Single(i => i.Code == "H-TRN-01").EffectiveTo);
        var originals = await app.WithDbAsync(db => db.ServiceItems.Where(i => i.CatalogYear == 2040).Select(i => i.Id).ToListAsync());
        Assert.Empty(originals.Intersect(copied.Select(i => i.Id)));
        var again = await Assert.ThrowsAsync<DomainException>(() => Get<CopyCatalogToNextYear>(scope).HandleAsync(Admin, 2040));
        Assert.Contains("2041年度目录已存在", again.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Get<CopyCatalogToNextYear>(scope).HandleAsync(Reviewer, 2041));
    }

    [Fact]
    public async Task Edit_with_a_stale_version_is_a_409_with_a_Chinese_message()
    {
        var client = await app.LoginAsync("admin");
        var items = await client.GetFromJsonAsync<List<CatalogItemRow>>($"/api/catalog/items?year={CurrentYear}&category=Physical&kind=Device");
        var item = Assert.Single(items!, i => i.Code == "L-DEV-02");
        Assert.All(items!, i => Assert.Equal((DisabilityCategory.Physical, ServiceKind.Device), (i.Category, i.Kind)));
        var input = SaveServiceItemInput.From(item);
        input.SubsidyAmount = 1300m;
        var first = await client.PutAsJsonAsync($"/api/catalog/items/{item.Id}", input);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        input.SubsidyAmount = 1400m;
        var stale = await client.PutAsJsonAsync($"/api/catalog/items/{item.Id}", input);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("该记录已被其他用户修改", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1300m, await app.WithDbAsync(db => db.ServiceItems.Where(i => i.Id == item.Id).Select(i => i.SubsidyAmount).SingleAsync()));
    }

    [Fact]
    public async Task Edit_checks_the_code_is_unique_in_the_year_and_the_dates()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await Get<CatalogItemsQuery>(scope).HandleAsync(KangfuApp.District, new CatalogItemFilter(CurrentYear));
        var input = SaveServiceItemInput.From(rows.Single(r => r.Code == "V-TRN-02"));
        input.Code = "V-TRN-01";
        var duplicate = await Assert.ThrowsAsync<InputInvalidException>(() => Get<SaveServiceItem>(scope).HandleAsync(Admin, rows.Single(r => r.Code == "V-TRN-02").Id, input));
        Assert.Contains("Code", duplicate.Errors.Keys);
        var reviewer = await app.LoginAsync("reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PutAsJsonAsync($"/api/catalog/items/{rows[0].Id}", SaveServiceItemInput.From(rows[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/catalog/items?year={CurrentYear}")).StatusCode);
    }

    [Fact]
    public async Task Intake_items_for_a_hearing_child_come_from_the_database()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await Get<IntakeItems>(scope).ForIntakeAsync(KangfuApp.District, CurrentYear, new DateOnly(CurrentYear, 6, 1),
            [DisabilityCategory.Hearing, DisabilityCategory.Physical], 4, false);
        Assert.Equal(["1. 0-6岁儿童", "1. 0-6岁儿童"], rows.Select(r => r.SubPopulation));
        Assert.Equal(["人工耳蜗植入手术", "辅助器具适配及服务", "听觉言语功能训练", "支持性服务"], rows[0].Items.Select(i => i.FormLabel));
    }

    [Fact]
    public async Task An_item_edited_by_the_admin_changes_the_next_intake_form_at_once()
    {
        // The form items of a year are cached in memory (IntakeItemCache): a catalog save must drop them.
        await using var scope = app.Services.CreateAsyncScope();
        await Get<CatalogSeeder>(scope).HandleAsync(KangfuApp.District, 2043);
        var on = new DateOnly(2043, 6, 1);
        Task<IReadOnlyList<NeedRow>> Form() => Get<IntakeItems>(scope).ForIntakeAsync(KangfuApp.District, 2043, on, [DisabilityCategory.Hearing], 4, false);
        var before = (await Form()).SelectMany(r => r.Items).ToList();
        var item = (await Get<CatalogItemsQuery>(scope).HandleAsync(KangfuApp.District, new CatalogItemFilter(2043))).Single(r => r.Id == before[0].Id);
        var input = SaveServiceItemInput.From(item);
        input.EffectiveTo = on.AddDays(-1);
        await Get<SaveServiceItem>(scope).HandleAsync(Admin, item.Id, input);
        var after = (await Form()).SelectMany(r => r.Items).ToList();
        Assert.Equal(before.Skip(1).Select(i => i.Id), after.Select(i => i.Id));
    }

    [Fact]
    public async Task Intake_items_for_a_registered_person_use_the_persons_categories_age_and_grade()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, category: DisabilityCategory.Visual, grade: 3);
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await Get<IntakeItems>(scope).ForPersonAsync(person, new DateOnly(CurrentYear, 6, 1));
        var row = Assert.Single(rows);
        Assert.Equal(("2. 低视力", 2), (row.SubPopulation, row.Items.Count));
    }

    [Fact]
    public async Task Device_catalog_has_the_1360_real_products_with_tags_and_reimport_is_idempotent()
    {
        var products = await app.WithDbAsync(db => db.DeviceProducts.Where(p => p.DistrictCode == KangfuApp.District).ToListAsync());
        Assert.Equal(1360, products.Count);
        var wheelchair = products.Single(p => p.Code == "102220301");
        Assert.Equal(("普通轮椅（后轮驱动轮椅）", "个人移动", "手动轮椅车", "双手驱动轮椅车", "轮椅代步"),
            (wheelchair.Name, wheelchair.ClassName, wheelchair.SubClassName, wheelchair.DivisionName, wheelchair.FunctionTags));
        Assert.Equal(18, products.Select(p => p.FunctionTags).Distinct().Count());
        Assert.Equal(207, products.Count(p => p.FunctionTags == "矫形器"));
        await using var scope = app.Services.CreateAsyncScope();
        var report = await Get<Kangfu.Web.Modules.Catalog.Devices.ImportDevices>(scope).HandleAsync(KangfuApp.District);
        Assert.Equal((1360, 1360, 18, 5, 0, 0, 1360),
            (report.Products, report.MasterProducts, report.FunctionSheets, report.DuplicateCodes, report.MissingCodes, report.Added, report.Updated));
        Assert.Equal(1360, await app.WithDbAsync(db => db.DeviceProducts.CountAsync(p => p.DistrictCode == KangfuApp.District)));
    }

    [Fact]
    public async Task Device_search_api_pages_and_finds_by_name_and_tag()
    {
        var client = await app.LoginAsync("community");
        var page = await client.GetFromJsonAsync<DevicePage>("/api/catalog/devices?q=轮椅&page=1");
        Assert.True(page!.Total > 20);
        Assert.Equal(20, page.Items.Count);
        var hearing = await client.GetFromJsonAsync<DevicePage>("/api/catalog/devices?q=助听类");
        Assert.Equal(9, hearing!.Total);
        Assert.All(hearing.Items, i => Assert.Contains("助听类", i.Tags));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CatalogTestsSqlite(SqliteApp app) : CatalogTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CatalogTestsPostgres(PostgresApp app) : CatalogTests(app);
