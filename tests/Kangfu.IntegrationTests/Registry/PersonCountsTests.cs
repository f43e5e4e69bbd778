using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.PersonCounts;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>The GROUP BY behind /areas and the home page: per community, summed to streets, inside the user's scope.</summary>
public abstract class PersonCountsTests(KangfuApp app)
{
    private static readonly UserContext District = new("r", "reviewer", "审核员", KangfuApp.District, null, null, [Roles.DistrictReviewer], null);
    private static readonly UserContext Street = new("s", "street", "协调员", KangfuApp.District, "120116001", null, [Roles.StreetCoordinator], null);

    [Fact]
    public async Task Counts_follow_new_persons_and_the_scope()
    {
        var before = await CountsAsync(District);
        await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.AddPersonAsync(KangfuApp.CommunityB);

        var after = await CountsAsync(District);
        var streets = PersonCountsByArea.SumBy(after, 9);
        var streetView = await CountsAsync(Street);

        Assert.Equal(2, Total(after, KangfuApp.CommunityA) - Total(before, KangfuApp.CommunityA));
        Assert.Equal(1, Total(after, KangfuApp.CommunityB) - Total(before, KangfuApp.CommunityB));
        Assert.Equal(after.Where(c => c.AreaCode.StartsWith("120116001", StringComparison.Ordinal)).Sum(c => c.Total), streets["120116001000"].Total);
        Assert.All(streetView, c => Assert.StartsWith("120116001", c.AreaCode, StringComparison.Ordinal));
    }

    private static int Total(IReadOnlyList<AreaCount> counts, string code) => counts.FirstOrDefault(c => c.AreaCode == code)?.Total ?? 0;

    private async Task<IReadOnlyList<AreaCount>> CountsAsync(UserContext user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PersonCountsByArea>().HandleAsync(user);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PersonCountsTestsSqlite(SqliteApp app) : PersonCountsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PersonCountsTestsPostgres(PostgresApp app) : PersonCountsTests(app);
