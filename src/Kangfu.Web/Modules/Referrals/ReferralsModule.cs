using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals.Actions;
using Kangfu.Web.Modules.Referrals.CasePage;
using Kangfu.Web.Modules.Referrals.CaseQueue;

namespace Kangfu.Web.Modules.Referrals;

public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddScoped<CaseActionRunner>();
        services.AddScoped<CaseQueueQuery>();
        services.AddScoped<Home.MyWork.IWorkQueueSource>(sp => sp.GetRequiredService<CaseQueueQuery>());
        services.AddScoped<CaseDetailQuery>();
        services.AddScoped<StartInstitutionAssessment>();
        services.AddScoped<CompleteInstitutionAssessment>();
        services.AddScoped<StartHomeAssessment>();
        services.AddScoped<SubmitHomeAssessment>();
        services.AddScoped<SubmitProsthesisScreening>();
        services.AddScoped<SubmitAccessibilityScreening>();
        services.AddScoped<StartReview>();
        services.AddScoped<ReviewDeviceCase>();
        services.AddScoped<CompleteReassessment>();
        services.AddScoped<ReviewProsthesisCase>();
        services.AddScoped<ReviewAccessibilityCase>();
        services.AddScoped<MarkServed>();
        services.AddScoped<CompleteDeviceService>();
        services.AddScoped<WithdrawCase>();
        services.AddScoped<CancelCase>();
        return services;
    }

    public static WebApplication MapReferrals(this WebApplication app)
    {
        var api = app.MapGroup("/api/cases").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/", async (QueueKey? queue, int? page, int? pageSize, CaseQueueQuery query, CurrentUser current, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            var counts = await query.CountsAsync(user, ct);
            var key = queue ?? (counts.Count > 0 ? counts[0].Key : QueueKey.HomeAssessment);
            return Results.Ok(new { counts, queue = key, cases = await query.ListAsync(user, key, page ?? 1, pageSize ?? 20, ct) });
        });
        api.MapGet("/{id:guid}", async (Guid id, CaseDetailQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), id, ct));
        Map<CaseInput, StartInstitutionAssessment>(api, "start-institution-assessment", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<InstitutionAssessmentInput, CompleteInstitutionAssessment>(api, "institution-assessment", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<CaseInput, StartHomeAssessment>(api, "start-home-assessment", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<HomeAssessmentInput, SubmitHomeAssessment>(api, "home-assessment", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<ProsthesisScreeningInput, SubmitProsthesisScreening>(api, "prosthesis-screening", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<AccessibilityScreeningInput, SubmitAccessibilityScreening>(api, "accessibility-screening", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<CaseInput, StartReview>(api, "start-review", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<DeviceReviewInput, ReviewDeviceCase>(api, "device-review", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<ReassessmentInput, CompleteReassessment>(api, "reassessment", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<PassRejectInput, ReviewProsthesisCase>(api, "prosthesis-review", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<PassRejectInput, ReviewAccessibilityCase>(api, "accessibility-review", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<CaseInput, MarkServed>(api, "served", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<CompletionInput, CompleteDeviceService>(api, "complete", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<CaseInput, WithdrawCase>(api, "withdraw", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        Map<CancelInput, CancelCase>(api, "cancel", (a, u, id, i, ct) => a.HandleAsync(u, id, i, i.Version, ct));
        return app;
    }

    private static void Map<TInput, TAction>(RouteGroupBuilder api, string name,
        Func<TAction, UserContext, Guid, TInput, CancellationToken, Task<CaseActionResult>> handle)
        where TAction : notnull =>
        api.MapPost("/{id:guid}/" + name, async (Guid id, TInput input, TAction action, CurrentUser current, CancellationToken ct) =>
            await handle(action, await current.GetAsync(), id, input, ct));
}
