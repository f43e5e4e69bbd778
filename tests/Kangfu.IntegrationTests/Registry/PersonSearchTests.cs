using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Modules.Registry.Pinyin;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>
/// Registry search and the community list through GET /api/persons: exact ID, name and pinyin fragments (LIKE, with
/// wildcards taken literally), area filters (one community, one street) and the total of every page, with or without
/// the separate count.
/// </summary>
public abstract class PersonSearchTests(KangfuApp app)
{
    [Fact]
    public async Task Exact_id_number_finds_the_one_person_with_total_one()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("reviewer");

        var page = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?q={person.IdNumber}");

        var row = Assert.Single(page!.Items);
        Assert.Equal(person.Id, row.Id);
        Assert.Equal(1, page.Total);
        Assert.Equal("紫云园社区居委会", row.AreaName);
        Assert.DoesNotContain(person.IdNumber, row.MaskedIdNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_fragment_and_pinyin_initials_find_the_person()
    {
        // A surname no other test uses (a polyphonic given name has several initials, joined by '|': the first is searched): "测试…" persons of the whole collection share the initials "cs…".
        var name = "欧阳" + TestIds.RandomGivenName();
        var person = await app.AddPersonAsync(KangfuApp.CommunityB, name);
        using var client = await app.LoginAsync("reviewer");

        var byName = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?pageSize=200&q={Uri.EscapeDataString(name[1..])}");
        var byInitials = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?pageSize=200&q={PinyinInitials.Of(name).Split('|')[0].ToUpperInvariant()}");

        Assert.Contains(byName!.Items, p => p.Id == person.Id);
        Assert.All(byName.Items, p => Assert.Contains(name[1..], p.Name, StringComparison.Ordinal));
        Assert.Contains(byInitials!.Items, p => p.Id == person.Id);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("测_")]
    [InlineData("\\")]
    public async Task Like_wildcards_in_the_query_are_literal(string q)
    {
        await app.AddPersonAsync(KangfuApp.CommunityA, "测试甲");
        using var client = await app.LoginAsync("reviewer");

        var page = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?q={Uri.EscapeDataString(q)}");

        Assert.Equal(0, page!.Total);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Community_and_street_filters_hold_their_persons_in_name_order_with_exact_totals()
    {
        await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.AddPersonAsync(KangfuApp.CommunityB);
        var expected = await app.WithDbAsync(async db => (
            Community: await db.Persons.Where(p => p.AreaCode == KangfuApp.CommunityA).Select(p => p.Id).ToListAsync(),
            Street: await db.Persons.Where(p => p.AreaCode.StartsWith("120116001")).CountAsync(),
            Names: await db.Persons.Where(p => p.AreaCode == KangfuApp.CommunityA).Select(p => p.Name).ToListAsync()));
        using var client = await app.LoginAsync("reviewer");

        var community = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?pageSize=200&area={KangfuApp.CommunityA}");
        var street = await client.GetFromJsonAsync<PagedResult<PersonRow>>("/api/persons?pageSize=200&area=120116001000");

        Assert.Equal(expected.Community.Count, community!.Total);
        Assert.Equal(expected.Community.Order(), community.Items.Select(p => p.Id).Order());
        Assert.Equal(expected.Names.Order(StringComparer.Ordinal), community.Items.Select(p => p.Name), StringComparer.Ordinal);
        Assert.Equal(expected.Street, street!.Total);
        Assert.All(street.Items, p => Assert.StartsWith("120116001", p.AreaCode, StringComparison.Ordinal));
        Assert.DoesNotContain(street.Items, p => p.AreaCode == KangfuApp.CommunityB);
    }

    [Fact]
    public async Task Total_is_the_same_on_full_partial_and_empty_pages()
    {
        await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("reviewer");
        var all = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?pageSize=200&area={KangfuApp.CommunityA}");
        var total = all!.Total;
        Assert.True(total >= 3);

        var full = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?pageSize=1&page=2&area={KangfuApp.CommunityA}");
        var last = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?pageSize=2&page={(total + 1) / 2}&area={KangfuApp.CommunityA}");
        var beyond = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?pageSize=2&page={(total / 2) + 2}&area={KangfuApp.CommunityA}");

        Assert.Equal(total, full!.Total);
        Assert.Equal(all.Items[1].Id, Assert.Single(full.Items).Id);
        Assert.Equal(total, last!.Total);
        Assert.Equal(total % 2 == 0 ? 2 : 1, last.Items.Count);
        Assert.Equal(total, beyond!.Total);
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task Community_user_filtering_another_community_sees_no_one()
    {
        await app.AddPersonAsync(KangfuApp.CommunityB);
        using var client = await app.LoginAsync("community");

        var page = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?area={KangfuApp.CommunityB}");

        Assert.Equal(0, page!.Total);
        Assert.Empty(page.Items);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PersonSearchTestsSqlite(SqliteApp app) : PersonSearchTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PersonSearchTestsPostgres(PostgresApp app) : PersonSearchTests(app)
{
    [Fact]
    public async Task Name_and_initials_have_trigram_indexes()
    {
        var indexes = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'registry_persons' AND indexdef LIKE '%gin_trgm_ops%'")
            .ToListAsync());

        Assert.Contains(indexes, i => i.Contains("(name gin_trgm_ops)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(name_initials gin_trgm_ops)", StringComparison.Ordinal));
    }
}
