using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.ServiceRecords.Plans;
using Kangfu.Web.Modules.ServiceRecords.Sessions;
using Kangfu.Web.Modules.ServiceRecords.Settlements;
using Kangfu.Web.Modules.ServiceRecords.Workspace;

namespace Kangfu.Web.Modules.ServiceRecords;

public static class ServiceRecordsModule
{
    public static IServiceCollection AddServiceRecords(this IServiceCollection services)
    {
        services.AddScoped<SavePlan>();
        services.AddScoped<RecordSession>();
        services.AddScoped<SettleSessions>();
        services.AddScoped<InstantSettle>();
        services.AddScoped<WorkspaceQuery>();
        return services;
    }

    public static WebApplication MapServiceRecords(this WebApplication app)
    {
        var api = app.MapGroup("/api/workspace").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/cases", async (int? page, int? pageSize, WorkspaceQuery query, CurrentUser current, CancellationToken ct) =>
            await query.ListAsync(await current.GetAsync(), page ?? 1, pageSize ?? 20, ct));
        api.MapGet("/cases/{id:guid}", async (Guid id, WorkspaceQuery query, CurrentUser current, CancellationToken ct) =>
            await query.DetailAsync(await current.GetAsync(), id, ct));
        api.MapPost("/cases/{id:guid}/plan", async (Guid id, PlanInput input, SavePlan action, CurrentUser current, CancellationToken ct) =>
            new { version = await action.HandleAsync(await current.GetAsync(), id, input, ct) });
        api.MapPost("/cases/{id:guid}/sessions", async (Guid id, SessionInput input, RecordSession action, CurrentUser current, CancellationToken ct) =>
            new { id = await action.HandleAsync(await current.GetAsync(), id, input, SessionKind.Session, ct) });
        api.MapPost("/cases/{id:guid}/handovers", async (Guid id, SessionInput input, RecordSession action, CurrentUser current, CancellationToken ct) =>
            new { id = await action.HandleAsync(await current.GetAsync(), id, input, SessionKind.Handover, ct) });
        api.MapPost("/cases/{id:guid}/settle", async (Guid id, SettleInput input, SettleSessions action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        api.MapPost("/cases/{id:guid}/instant-settle", async (Guid id, InstantSettleInput input, InstantSettle action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        return app;
    }
}
