using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit.AuditSearch;
using Kangfu.Web.Platform;

namespace Kangfu.Web.Modules.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditChainLocks>();
        services.AddScoped<AuditLog>();
        services.AddScoped<VerifyAudit.VerifyAuditChain>();
        services.AddScoped<PurgeAudit.PurgeExpiredAudit>();
        services.AddHostedService<PurgeAudit.AuditPurgeSchedule>();
        services.AddScoped<AuditSearchQuery>();
        services.AddScoped<ExportAuditSearch>();
        return services;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        var api = app.MapGroup("/api/audit").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/", async ([AsParameters] AuditSearchRequest request, AuditSearchQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), request, ct));
        api.MapGet("/export.csv", async ([AsParameters] AuditSearchRequest request, ExportAuditSearch export, CurrentUser current, CancellationToken ct) =>
            Results.File(await export.HandleAsync(await current.GetAsync(), request, ct), "text/csv; charset=utf-8", "audit.csv"))
            .RequireRateLimiting(WebHardening.ExportPolicy);
        return app;
    }
}
