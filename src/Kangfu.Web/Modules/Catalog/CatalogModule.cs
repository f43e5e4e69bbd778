using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Catalog.CopyCatalog;
using Kangfu.Web.Modules.Catalog.DeviceList;
using Kangfu.Web.Modules.Catalog.Devices;
using Kangfu.Web.Modules.Catalog.Intake;
using Kangfu.Web.Modules.Catalog.ItemList;
using Kangfu.Web.Modules.Catalog.SaveItem;
using Kangfu.Web.Modules.Catalog.Seeding;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;

namespace Kangfu.Web.Modules.Catalog;

/// <summary>The basic rehabilitation service catalog and the assistive-device catalog.</summary>
public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<CatalogSeeder>();
        services.AddScoped<CopyCatalogToNextYear>();
        services.AddSingleton<IntakeItemCache>();
        services.AddSingleton<CatalogChangeInterceptor>();
        services.AddScoped<IntakeItems>();
        services.AddScoped<CatalogItemsQuery>();
        services.AddScoped<SaveServiceItem>();
        services.AddScoped<ImportDevices>();
        services.AddScoped<DeviceListQuery>();
        return services;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        var api = app.MapGroup("/api/catalog").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/items", async (int? year, DisabilityCategory? category, ServiceKind? kind, CatalogItemsQuery query, CurrentUser current, TimeProvider clock, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            var filter = new CatalogItemFilter(year ?? clock.Today().Year, category, kind);
            return await query.HandleAsync(user.DistrictCode, filter, ct);
        });
        api.MapGet("/devices", async (string? q, int? page, int? pageSize, DeviceListQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync((await current.GetAsync()).DistrictCode, q, page ?? 1, pageSize ?? 20, ct));
        api.MapPut("/items/{id:guid}", async (Guid id, SaveServiceItemInput input, SaveServiceItem save, CurrentUser current, CancellationToken ct) =>
            new { Version = await save.HandleAsync(await current.GetAsync(), id, input, ct) });
        api.MapPost("/years/{year:int}/copy", async (int year, CopyCatalogToNextYear copy, CurrentUser current, CancellationToken ct) =>
            await copy.HandleAsync(await current.GetAsync(), year, ct));
        return app;
    }
}
