using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Surveys.Campaigns;
using Kangfu.Web.Modules.Surveys.FillIntake;

namespace Kangfu.Web.Modules.Surveys;

public sealed record WithdrawRequest(Guid? Version);

public static class SurveysModule
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<IntakeNeedItems>();
        services.AddScoped<LoadIntake>();
        services.AddScoped<SaveIntake>();
        services.AddScoped<WithdrawIntake>();
        services.AddScoped<CreateCampaign>();
        services.AddScoped<SurveyQueries>();
        return services;
    }

    public static WebApplication MapSurveys(this WebApplication app)
    {
        var persons = app.MapGroup("/api/persons/{id:guid}/intake").RequireAuthorization().DisableAntiforgery();
        persons.MapGet("/", async (Guid id, int? year, LoadIntake load, CurrentUser current, CancellationToken ct) =>
            await load.HandleAsync(await current.GetAsync(), id, year, ct));
        persons.MapPut("/", async (Guid id, IntakeInput input, SaveIntake save, CurrentUser current, CancellationToken ct) =>
            await save.HandleAsync(await current.GetAsync(), id, input, submit: false, ct));
        persons.MapPost("/submit", async (Guid id, IntakeInput input, SaveIntake save, CurrentUser current, CancellationToken ct) =>
            await save.HandleAsync(await current.GetAsync(), id, input, submit: true, ct));
        app.MapPost("/api/intakes/{id:guid}/withdraw", async (Guid id, WithdrawRequest? request, WithdrawIntake withdraw, CurrentUser current, CancellationToken ct) =>
            await withdraw.HandleAsync(await current.GetAsync(), id, request?.Version, ct)).RequireAuthorization().DisableAntiforgery();

        var surveys = app.MapGroup("/api/surveys").RequireAuthorization().DisableAntiforgery();
        surveys.MapGet("/campaigns", async (int? year, SurveyQueries queries, CurrentUser current, CancellationToken ct) =>
            await queries.CampaignsAsync(await current.GetAsync(), year, ct));
        surveys.MapPost("/campaigns", async (CampaignInput input, CreateCampaign create, CurrentUser current, CancellationToken ct) =>
        {
            var created = await create.HandleAsync(await current.GetAsync(), input, ct);
            return Results.Created($"/api/surveys/campaigns/{created.Id}", created);
        });
        surveys.MapGet("/progress", async (int year, string? area, SurveyQueries queries, CurrentUser current, CancellationToken ct) =>
            await queries.ProgressAsync(await current.GetAsync(), year, area, ct));
        surveys.MapGet("/to-survey", async (int year, string? area, int? page, int? pageSize, SurveyQueries queries, CurrentUser current, CancellationToken ct) =>
            await queries.ToSurveyAsync(await current.GetAsync(), year, area, page ?? 1, pageSize ?? 20, ct));
        return app;
    }
}
