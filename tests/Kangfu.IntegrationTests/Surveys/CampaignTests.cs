using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Modules.Surveys.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Surveys;

/// <summary>Yearly needs-survey campaigns and their progress (surveyed ÷ 在册), counted per community.</summary>
public abstract class CampaignTests(KangfuApp app)
{
    [Fact]
    public async Task Street_coordinator_opens_one_campaign_per_area_and_year()
    {
        using var street = await app.LoginAsync("street");
        var created = await street.PostAsJsonAsync("/api/surveys/campaigns", new { year = 2023, areaCode = "120116001000" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var row = (await created.Content.ReadFromJsonAsync<CampaignRow>())!;
        Assert.EndsWith("康复需求入户调查", row.Name, StringComparison.Ordinal);

        var again = await street.PostAsJsonAsync("/api/surveys/campaigns", new { year = 2023, areaCode = "120116001000" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.EndsWith("2023年的入户调查已创建，不能重复创建。", await IntakeTests.TitleAsync(again), StringComparison.Ordinal);

        var outside = await street.PostAsJsonAsync("/api/surveys/campaigns", new { year = 2023, areaCode = KangfuApp.CommunityB });
        Assert.Equal("请选择您管辖范围内的街道或社区", await IntakeTests.ErrorAsync(outside, "AreaCode"));

        using var community = await app.LoginAsync("community");
        Assert.Equal(HttpStatusCode.Forbidden, (await community.PostAsJsonAsync("/api/surveys/campaigns", new { year = 2023, areaCode = KangfuApp.CommunityA })).StatusCode);
        var seen = (await community.GetFromJsonAsync<List<CampaignRow>>("/api/surveys/campaigns?year=2023"))!;
        Assert.Contains(seen, c => c.Id == row.Id);
    }

    [Fact]
    public async Task Progress_counts_registered_persons_with_a_submitted_or_no_need_form_of_the_year()
    {
        const int year = 2024;
        var a = await NewPersonAsync();
        var b = await NewPersonAsync();
        var c = await NewPersonAsync();
        var moved = await NewPersonAsync();
        await app.WithDbAsync(db => db.Persons.Where(p => p.Id == moved.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PersonStatus.MovedOut)));
        await AddIntakeAsync(a, year, IntakeStatus.Submitted);
        await AddIntakeAsync(b, year, IntakeStatus.NoNeed);
        await AddIntakeAsync(c, year, IntakeStatus.Draft);
        await AddIntakeAsync(moved, year, IntakeStatus.Submitted);
        await AddIntakeAsync(c, year - 1, IntakeStatus.Submitted);
        var total = await app.WithDbAsync(db => db.Persons.CountAsync(p => p.AreaCode == KangfuApp.CommunityA && p.Status == PersonStatus.Registered));
        using var community = await app.LoginAsync("community");

        var progress = (await community.GetFromJsonAsync<SurveyProgress>($"/api/surveys/progress?year={year}"))!;

        var row = Assert.Single(progress.Communities);
        Assert.Equal((KangfuApp.CommunityA, 2, total), (row.AreaCode, row.Surveyed, row.Total));
        Assert.Equal((2, total), (progress.Surveyed, progress.Total));
        var queue = (await community.GetFromJsonAsync<ToSurveyPage>($"/api/surveys/to-survey?year={year}&pageSize=100&page=1"))!;
        Assert.Equal(total - 2, queue.Total);

        using var street = await app.LoginAsync("street");
        var streetProgress = (await street.GetFromJsonAsync<SurveyProgress>($"/api/surveys/progress?year={year}"))!;
        Assert.Equal((2, total), (streetProgress.Communities.Single(r => r.AreaCode == KangfuApp.CommunityA).Surveyed, total));
        Assert.True(streetProgress.Communities.Count >= 1);
        Assert.Equal(streetProgress.Communities.Sum(r => r.Total), streetProgress.Total);
    }

    private Task<Person> NewPersonAsync() => app.AddPersonAsync(KangfuApp.CommunityA);

    private Task<int> AddIntakeAsync(Person p, int year, IntakeStatus status) => app.WithDbAsync(db =>
    {
        db.Intakes.Add(new Intake
        {
            DistrictCode = KangfuApp.District,
            Id = Guid.CreateVersion7(),
            PersonId = p.Id,
            AreaCode = p.AreaCode,
            Year = year,
            FillDate = new DateOnly(year, 6, 1),
            Name = p.Name,
            Sex = p.Sex,
            Status = status,
        });
        return db.SaveChangesAsync();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class CampaignTestsSqlite(SqliteApp app) : CampaignTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CampaignTestsPostgres(PostgresApp app) : CampaignTests(app);
