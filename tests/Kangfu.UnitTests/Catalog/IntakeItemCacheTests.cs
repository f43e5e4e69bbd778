using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Catalog.Intake;

namespace Kangfu.UnitTests.Catalog;

public sealed class IntakeItemCacheTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock clock = new();
    private int loads;

    private Task<List<ServiceItem>> Load()
    {
        loads++;
        return Task.FromResult(new List<ServiceItem> { new() { Code = "L" + loads } });
    }

    [Fact]
    public async Task A_year_is_loaded_once_until_invalidated_or_a_minute_old()
    {
        var cache = new IntakeItemCache(clock);
        Assert.Equal("L1", (await cache.GetAsync("120116", 2026, Load))[0].Code);
        Assert.Equal("L1", (await cache.GetAsync("120116", 2026, Load))[0].Code);
        Assert.Equal("L2", (await cache.GetAsync("120116", 2027, Load))[0].Code); // another year is its own entry
        Assert.Equal("L3", (await cache.GetAsync("120101", 2026, Load))[0].Code); // another district too

        cache.Invalidate();
        Assert.Equal("L4", (await cache.GetAsync("120116", 2026, Load))[0].Code);

        clock.Now += IntakeItemCache.Lifetime - TimeSpan.FromSeconds(1);
        Assert.Equal("L4", (await cache.GetAsync("120116", 2026, Load))[0].Code);
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal("L5", (await cache.GetAsync("120116", 2026, Load))[0].Code);
    }

    [Fact]
    public async Task Rows_loaded_while_the_catalog_changed_are_not_kept()
    {
        var cache = new IntakeItemCache(clock);
        await cache.GetAsync("120116", 2026, async () =>
        {
            var rows = await Load();
            cache.Invalidate(); // a catalog save commits while this load runs
            return rows;
        });
        Assert.Equal("L2", (await cache.GetAsync("120116", 2026, Load))[0].Code);
        Assert.Equal("L2", (await cache.GetAsync("120116", 2026, Load))[0].Code);
    }
}
