using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Reports.ServiceRate;
using Kangfu.Web.Modules.ServiceRecords;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Reports;

/// <summary>
/// The service-rate report (康复服务率): persons with a need in the survey of year Y-1 who received a service in year Y,
/// by street, within the user's area. Years 2040/2041 are used by this class only, so other tests' rows do not count.
/// </summary>
public abstract class ServiceRateTests(KangfuApp app)
{
    private const int NeedYear = 2040;
    private const int Year = 2041;
    private const string StreetA = "120116001000";
    private const string StreetB = "120116005000";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<KangfuApp> Seeded = [];

    [Fact]
    public async Task District_report_counts_distinct_persons_served_in_the_year_by_street()
    {
        await SeedAsync();
        using var client = await app.LoginAsync("reviewer");

        var report = (await client.GetFromJsonAsync<ServiceRateReport>($"/api/reports/service-rate?year={Year}"))!;

        Assert.Equal((Year, NeedYear), (report.Year, report.NeedYear));
        Assert.Equal([(StreetA, 2, 1), (StreetB, 1, 1)], report.Streets.Select(s => (s.AreaCode, s.Needing, s.Served)));
        Assert.Equal((3, 2), (report.Needing, report.Served));
        Assert.Equal("塘沽街道", report.Streets[0].AreaName);
    }

    [Fact]
    public async Task Community_worker_sees_only_their_community_and_institutions_are_refused()
    {
        await SeedAsync();
        using var community = await app.LoginAsync("community");
        using var rehab = await app.LoginAsync("rehab");

        var report = (await community.GetFromJsonAsync<ServiceRateReport>($"/api/reports/service-rate?year={Year}"))!;
        var refused = await rehab.GetAsync(new Uri($"/api/reports/service-rate?year={Year}", UriKind.Relative));
        var invalid = await community.GetAsync(new Uri("/api/reports/service-rate?year=1900", UriKind.Relative));

        Assert.Equal([(StreetA, 2, 1)], report.Streets.Select(s => (s.AreaCode, s.Needing, s.Served)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Read_contexts_refuse_to_save()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<KangfuReadDbFactory>().CreateDbContext();
        db.Intakes.Add(new Intake { DistrictCode = KangfuApp.District, Id = Guid.CreateVersion7(), AreaCode = KangfuApp.CommunityA, Year = Year, Name = "只读" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Street A: served (two sessions, counted once), not served (session in the previous year), a draft intake with a
    /// session and a no-need intake (both not counted). Street B: served by a device hand-over on the year's last day.
    /// </summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Seeded.Add(app))
            {
                return;
            }
            await AddAsync(KangfuApp.CommunityA, IntakeStatus.Submitted, true, new DateOnly(Year, 3, 1), new DateOnly(Year, 4, 1));
            await AddAsync(KangfuApp.CommunityA, IntakeStatus.Submitted, true, new DateOnly(NeedYear, 12, 31));
            await AddAsync(KangfuApp.CommunityA, IntakeStatus.Draft, true, new DateOnly(Year, 3, 1));
            await AddAsync(KangfuApp.CommunityA, IntakeStatus.NoNeed, false, new DateOnly(Year, 3, 1));
            await AddAsync(KangfuApp.CommunityB, IntakeStatus.Submitted, true, new DateOnly(Year, 12, 31));
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task AddAsync(string area, IntakeStatus status, bool hasNeed, params DateOnly[] sessions)
    {
        var person = await app.AddPersonAsync(area);
        await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            db.Intakes.Add(new Intake
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                AreaCode = area,
                Year = NeedYear,
                FillDate = new DateOnly(NeedYear, 6, 1),
                Name = person.Name,
                Sex = person.Sex,
                HasNeed = hasNeed,
                Status = status,
                CreatedAt = now,
            });
            var rehabCase = new RehabCase
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                AreaCode = area,
                Year = Year,
                Kind = CaseKind.Service,
                State = CaseState.Served,
                Category = DisabilityCategory.Physical,
                ServiceItemCode = "T01",
                ServiceItemName = "康复训练",
                CreatedAt = now,
                StateChangedAt = now,
            };
            db.Cases.Add(rehabCase);
            db.ServiceSessions.AddRange(sessions.Select((date, i) => new ServiceSession
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                CaseId = rehabCase.Id,
                PersonId = person.Id,
                InstitutionId = Guid.CreateVersion7(),
                Kind = i == 0 && area == KangfuApp.CommunityB ? SessionKind.Handover : SessionKind.Session,
                Date = date,
                ProviderName = "测试",
                Content = "训练",
                RecordedAt = now,
                RecordedBy = "test",
            }));
            return await db.SaveChangesAsync();
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ServiceRateTestsSqlite(SqliteApp app) : ServiceRateTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ServiceRateTestsPostgres(PostgresApp app) : ServiceRateTests(app);
