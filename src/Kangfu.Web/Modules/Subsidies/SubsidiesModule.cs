using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Subsidies.Applications;
using Kangfu.Web.Modules.Subsidies.Apply;
using Kangfu.Web.Modules.Subsidies.Budgets;
using Kangfu.Web.Modules.Subsidies.Cards;
using Kangfu.Web.Modules.Subsidies.Decide;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Subsidies;

public static class SubsidiesModule
{
    public static IServiceCollection AddSubsidies(this IServiceCollection services)
    {
        services.AddScoped<ApplicationRunner>();
        services.AddScoped<CardIssuer>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<ResubmitApplication>();
        services.AddScoped<ApproveStreet>();
        services.AddScoped<ApproveDistrict>();
        services.AddScoped<ReturnApplication>();
        services.AddScoped<RejectApplication>();
        services.AddScoped<SaveBudget>();
        services.AddScoped<BudgetQuery>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<Home.MyWork.IWorkQueueSource, SubsidyWorkQueues>();
        services.AddScoped<CardQuery>();
        services.AddScoped<DemoBudgets>();
        return services;
    }

    public static WebApplication MapSubsidies(this WebApplication app)
    {
        var api = app.MapGroup("/api/subsidies").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/applications", async (ApplicationState? state, string? name, int? page, int? pageSize, ApplicationQueries query, CurrentUser current, CancellationToken ct) =>
            await query.ListAsync(await current.GetAsync(), new ApplicationFilter(state, name, page ?? 1, pageSize ?? 20), ct));
        api.MapGet("/applications/{id:guid}", async (Guid id, ApplicationQueries query, CurrentUser current, CancellationToken ct) =>
            await query.DetailAsync(await current.GetAsync(), id, ct));
        api.MapPost("/applications", async (ApplicationInput input, SubmitApplication action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), input, ct));
        api.MapPost("/applications/{id:guid}/resubmit", async (Guid id, ResubmitInput input, ResubmitApplication action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        api.MapPost("/applications/{id:guid}/approve-street", async (Guid id, DecisionInput input, ApproveStreet action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        api.MapPost("/applications/{id:guid}/approve-district", async (Guid id, DistrictApprovalInput input, ApproveDistrict action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        api.MapPost("/applications/{id:guid}/return", async (Guid id, DecisionInput input, ReturnApplication action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        api.MapPost("/applications/{id:guid}/reject", async (Guid id, DecisionInput input, RejectApplication action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), id, input, ct));
        api.MapGet("/budgets", async (int year, BudgetQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), year, ct));
        api.MapPost("/budgets", async (BudgetInput input, SaveBudget action, CurrentUser current, CancellationToken ct) =>
            await action.HandleAsync(await current.GetAsync(), input, ct));
        api.MapGet("/cards/{id:guid}", async (Guid id, CardQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), id, ct));
        api.MapGet("/cards/verify/{number}", async (string number, CardQuery query, CurrentUser current, CancellationToken ct) =>
            await query.ByNumberAsync(await current.GetAsync(), number, ct) ?? throw new NotFoundException());
        return app;
    }
}
