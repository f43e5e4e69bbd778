using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Export;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>HTTP API of registry import and export, under /api/persons.</summary>
internal static class ImportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapImportExport(this RouteGroupBuilder api)
    {
        api.MapPost("/import", async (HttpContext http, StartImport start, CurrentUser current, RegistryOptions options, CancellationToken ct) =>
        {
            var user = await current.GetAsync();
            user.Demand(Permission.PersonImport);
            var file = await UploadForm.ReadFileAsync(http, options.ImportMaxFileBytes, ct);
            await using var stream = file.OpenReadStream();
            var started = await start.HandleAsync(user, stream, file.FileName, ct);
            return Results.Accepted($"/api/persons/import/{started.BatchId}", started);
        });
        api.MapGet("/import/template.xlsx", async (ImportTemplate template, CurrentUser current, CancellationToken ct) =>
            Results.File(await template.HandleAsync(await current.GetAsync(), ct), XlsxContentType, "残疾人名册导入模板.xlsx"));
        api.MapGet("/import/{batchId:guid}", async (Guid batchId, ImportStatusQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), batchId, ct));
        api.MapPost("/import/{batchId:guid}/confirm", async (Guid batchId, ConfirmImport confirm, CurrentUser current, CancellationToken ct) =>
            Results.Accepted($"/api/persons/import/{batchId}", new { batchId, status = await confirm.HandleAsync(await current.GetAsync(), batchId, ct) }));
        api.MapGet("/import/{batchId:guid}/errors.xlsx", async (Guid batchId, DownloadErrorFile download, CurrentUser current, CancellationToken ct) =>
        {
            var (path, name) = await download.HandleAsync(await current.GetAsync(), batchId, ct);
            return Results.File(path, XlsxContentType, name);
        });
        api.MapGet("/export.xlsx", async ([AsParameters] PersonListRequest request, bool? unmasked, ExportPersons export, CurrentUser current, CancellationToken ct) =>
        {
            var file = await export.HandleAsync(await current.GetAsync(), request.ToFilter(), unmasked == true, ct);
            return Results.File(file.Content, XlsxContentType, file.FileName);
        }).RequireRateLimiting(Platform.WebHardening.ExportPolicy);
    }

    public static IServiceCollection AddImportExport(this IServiceCollection services)
    {
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ImportStorage>();
        services.AddScoped<StartImport>();
        services.AddScoped<ValidateImport>();
        services.AddScoped<ConfirmImport>();
        services.AddScoped<CommitImport>();
        services.AddScoped<ImportStatusQuery>();
        services.AddScoped<DownloadErrorFile>();
        services.AddScoped<ImportTemplate>();
        services.AddScoped<ExportPersons>();
        return services;
    }
}
