using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.FollowUps.Close;
using Kangfu.Web.Modules.FollowUps.Queue;
using Kangfu.Web.Modules.FollowUps.Record;
using Kangfu.Web.Modules.FollowUps.Rules;
using Kangfu.Web.Modules.Home.MyWork;

namespace Kangfu.Web.Modules.FollowUps;

public static class FollowUpsModule
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddScoped<FollowUpRuleSeeder>();
        services.AddScoped<FollowUpQueueQuery>();
        services.AddScoped<IWorkQueueSource>(sp => sp.GetRequiredService<FollowUpQueueQuery>());
        services.AddScoped<FollowUpDetailQuery>();
        services.AddScoped<RecordFollowUp>();
        services.AddScoped<CloseCase>();
        return services;
    }

    public static WebApplication MapFollowUps(this WebApplication app)
    {
        var api = app.MapGroup("/api/followups").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/", async (FollowUpQueueKey? queue, int? page, int? pageSize, FollowUpQueueQuery query, CurrentUser current, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            var key = queue ?? FollowUpQueueKey.Due;
            return Results.Ok(new { counts = await query.CountsAsync(user, ct), queue = key, visits = await query.ListAsync(user, key, page ?? 1, pageSize ?? 20, ct) });
        });
        api.MapGet("/{id:guid}", async (Guid id, FollowUpDetailQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), id, ct));
        api.MapPost("/{id:guid}", async (Guid id, FollowUpInput input, RecordFollowUp action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        app.MapGroup("/api/cases").RequireAuthorization().DisableAntiforgery()
            .MapGet("/{id:guid}/followups", async (Guid id, FollowUpDetailQuery query, CurrentUser current, CancellationToken ct) =>
                await query.ForCaseAsync(await current.GetAsync(), id, ct));
        app.MapGroup("/api/cases").RequireAuthorization().DisableAntiforgery()
            .MapPost("/{id:guid}/close", async (Guid id, CloseInput input, CloseCase action, CurrentUser current, CancellationToken ct) =>
                await action.HandleAsync(await current.GetAsync(), id, input, input.Version, ct));
        return app;
    }
}
