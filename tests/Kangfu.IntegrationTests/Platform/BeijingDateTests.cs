using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Security;
using Kangfu.IntegrationTests.Surveys;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Modules.Surveys.FillIntake;
using Kangfu.Web.Platform;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Platform;

/// <summary>
/// "Today" is the Beijing date whatever the server's zone: between 16:00 and 24:00 UTC the Beijing calendar is a day
/// ahead, and a server in another zone must neither refuse today's form as "in the future" nor accept tomorrow's.
/// </summary>
public abstract class BeijingDateTests(KangfuApp app)
{
    /// <summary>A server whose own zone is UTC−8, at 18:30 UTC: 10:30 there, 02:30 the next day in Beijing.</summary>
    private sealed class FarZoneClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("UTC-8", TimeSpan.FromHours(-8), "UTC-8", "UTC-8");
    }

    [Fact]
    public async Task The_intake_fill_date_is_checked_against_the_Beijing_date_not_the_servers()
    {
        var utcDay = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        if (utcDay is { Month: 12, Day: 31 })
        {
            utcDay = utcDay.AddDays(-1); // keep the Beijing date in the catalog's year
        }
        var clock = new FarZoneClock(new DateTimeOffset(utcDay.AddHours(18).AddMinutes(30), TimeSpan.Zero));
        var beijingToday = clock.Today();
        Assert.Equal(DateOnly.FromDateTime(utcDay).AddDays(1), beijingToday);
        Assert.NotEqual(beijingToday, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime));

        var items = await IntakeCatalog.EnsureAsync(app);
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        await using var clocked = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = clocked.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", await SecurityKit.LoginCookieAsync(clocked, "community"));

        var form = IntakeTests.Form(person, [DisabilityCategory.Physical], [items[IntakeCatalog.LimbTraining]],
            new CategoryDirection(DisabilityCategory.Physical, ServiceDirection.ToServiceInstitution));
        form.FillDate = beijingToday;
        var today = await client.PutAsJsonAsync($"/api/persons/{person.Id}/intake", form);
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);

        form.FillDate = beijingToday.AddDays(1);
        var tomorrow = await client.PutAsJsonAsync($"/api/persons/{person.Id}/intake", form);
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Contains("填表时间不能晚于今天", await tomorrow.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BeijingDateTestsSqlite(SqliteApp app) : BeijingDateTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BeijingDateTestsPostgres(PostgresApp app) : BeijingDateTests(app);
