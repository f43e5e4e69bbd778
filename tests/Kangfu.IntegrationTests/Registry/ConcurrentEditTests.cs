using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry.SavePerson;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>20 editors save the same person at once through PUT /api/persons/{id}: every write lands or gets a 409, none is lost.</summary>
public abstract class ConcurrentEditTests(KangfuApp app)
{
    private const int Editors = 20;

    [Fact]
    public async Task Twenty_editors_with_the_same_version_one_lands_nineteen_get_409()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "并发二十");
        using var client = await app.LoginAsync("community");
        using var start = new SemaphoreSlim(0);

        var saves = Enumerable.Range(0, Editors).Select(async i =>
        {
            var input = SavePersonInput.From(person);
            input.Address = $"并发地址{i}";
            await start.WaitAsync();
            return (i, (await client.PutAsJsonAsync($"/api/persons/{person.Id}", input)).StatusCode);
        }).ToList();
        start.Release(Editors);
        var results = await Task.WhenAll(saves);

        var ok = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var conflicts = results.Count(r => r.StatusCode == HttpStatusCode.Conflict);
        var stored = await app.WithDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Console.WriteLine($"[figure] {app.Provider} same-version editors: {Editors}, landed {ok.Count}, 409 {conflicts}, other {Editors - ok.Count - conflicts}");
        Assert.Equal((1, Editors - 1), (ok.Count, conflicts));
        Assert.Equal($"并发地址{ok[0].i}", stored.Address);
    }

    [Fact]
    public async Task Twenty_editors_retrying_on_409_lose_no_update()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "并发重试");
        using var client = await app.LoginAsync("community");
        var conflicts = 0;
        var statuses = new ConcurrentBag<HttpStatusCode>();

        await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => Task.Run(async () =>
        {
            while (true)
            {
                var current = await app.WithDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person.Id));
                var input = SavePersonInput.From(current);
                input.Address = (current.Address ?? "") + $"[{i}]";
                var response = await client.PutAsJsonAsync($"/api/persons/{person.Id}", input);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Interlocked.Increment(ref conflicts);
            }
        })));

        var address = (await app.WithDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person.Id))).Address ?? "";
        var lost = Enumerable.Range(0, Editors).Count(i => !address.Contains($"[{i}]", StringComparison.Ordinal));
        Console.WriteLine($"[figure] {app.Provider} read-modify-write editors: {Editors}, attempts {statuses.Count}, 409 {conflicts}, lost updates {lost}");
        Assert.Equal(0, lost);
        Assert.Equal(Editors, statuses.Count(s => s == HttpStatusCode.OK));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConcurrentEditTestsSqlite(SqliteApp app) : ConcurrentEditTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConcurrentEditTestsPostgres(PostgresApp app) : ConcurrentEditTests(app);
