using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>会话：15 min idle, 8 h absolute, and account changes (disabled, password changed) end sessions within a minute. Fake clock.</summary>
public abstract class SessionTests(KangfuApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Idle_session_ends_after_fifteen_minutes_and_activity_keeps_it_alive()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        var (user, _) = await SecurityKit.NewUserAsync(host, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/persons")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/persons")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/persons")).StatusCode);
        output.WriteLine("FIGURE idle: alive at 14+14 min with activity, out after 15 min idle");
    }

    [Fact]
    public async Task Active_session_ends_at_eight_hours()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        var (user, _) = await SecurityKit.NewUserAsync(host, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);

        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(10) < TimeSpan.FromHours(8))
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            elapsed += TimeSpan.FromMinutes(10);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/persons?pageSize=1")).StatusCode);
        }
        clock.Advance(TimeSpan.FromHours(8) - elapsed + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/persons?pageSize=1")).StatusCode);
        output.WriteLine($"FIGURE absolute: active every 10 min for {elapsed.TotalHours:F1} h, out at 8 h");
    }

    [Fact]
    public async Task Disabled_account_is_out_within_a_minute()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        var (user, _) = await SecurityKit.NewUserAsync(host, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var client = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(client, user, SecurityKit.Password)).StatusCode);
        await SecurityKit.SetActiveAsync(app, user, false);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/persons")).StatusCode);
    }

    [Fact]
    public async Task Password_change_ends_the_other_sessions_within_a_minute()
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var host = SecurityKit.WithClock(app, clock);
        var (user, _) = await SecurityKit.NewUserAsync(host, Roles.CommunityStaff, KangfuApp.CommunityA);
        using var other = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(other, user, SecurityKit.Password)).StatusCode);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByNameAsync(user);
            Assert.True((await users.ChangePasswordAsync(account!, SecurityKit.Password, "a-new-long-passphrase-2026")).Succeeded);
        }
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/persons")).StatusCode);
        using var again = SecurityKit.Client(host);
        Assert.Equal(HttpStatusCode.NoContent, (await SecurityKit.LoginAsync(again, user, "a-new-long-passphrase-2026")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionTestsSqlite(SqliteApp app, ITestOutputHelper output) : SessionTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class SessionTestsPostgres(PostgresApp app, ITestOutputHelper output) : SessionTests(app, output);
