using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Reports.ServiceRate;

namespace Kangfu.Web.Modules.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ServiceRateQuery>();
        return services;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/service-rate", async (int year, int? needYear, ServiceRateQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), year, needYear, ct));
        return app;
    }
}
