using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry.PersonList;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>A community user of one community cannot read, list, search or reveal a person of another.</summary>
public abstract class PersonScopeTests(KangfuApp app)
{
    [Fact]
    public async Task Community_user_lists_only_own_community()
    {
        await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.AddPersonAsync(KangfuApp.CommunityB);
        using var client = await app.LoginAsync("community");
        var page = await client.GetFromJsonAsync<PagedResult<PersonRow>>("/api/persons?pageSize=200");
        Assert.NotNull(page);
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, p => Assert.Equal(KangfuApp.CommunityA, p.AreaCode));
    }

    [Fact]
    public async Task Community_user_cannot_read_search_or_reveal_person_of_another_community()
    {
        var other = await app.AddPersonAsync(KangfuApp.CommunityB);
        using var client = await app.LoginAsync("community");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/persons/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/persons/{other.Id}/reveal", null)).StatusCode);
        var byId = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?q={other.IdNumber}");
        Assert.Equal(0, byId!.Total);
        var byName = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?q={Uri.EscapeDataString(other.Name)}");
        Assert.DoesNotContain(byName!.Items, p => p.Id == other.Id);
    }

    [Fact]
    public async Task Same_person_is_visible_to_own_community_and_to_the_district()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityB);
        using var own = await app.LoginAsync("community2");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/persons/{person.Id}")).StatusCode);
        using var district = await app.LoginAsync("reviewer");
        var found = await district.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?q={person.IdNumber}");
        Assert.Equal(person.Id, Assert.Single(found!.Items).Id);
    }

    [Fact]
    public async Task Institution_user_sees_no_person_without_a_referral_grant()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("rehab");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/persons/{person.Id}")).StatusCode);
        var page = await client.GetFromJsonAsync<PagedResult<PersonRow>>("/api/persons");
        Assert.Equal(0, page!.Total);
    }

    [Fact]
    public async Task Anonymous_caller_gets_401()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/persons")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PersonScopeTestsSqlite(SqliteApp app) : PersonScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PersonScopeTestsPostgres(PostgresApp app) : PersonScopeTests(app);
