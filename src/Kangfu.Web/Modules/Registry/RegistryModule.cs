using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Import;
using Kangfu.Web.Modules.Registry.PersonDetail;
using Kangfu.Web.Modules.Registry.PersonList;

namespace Kangfu.Web.Modules.Registry;

public sealed class RegistryOptions
{
    public long ImportMaxFileBytes { get; set; } = 200 * 1024 * 1024;
    public int ExportMaxRows { get; set; } = 100_000;
    /// <summary>Where uploaded files wait between validation and confirmation (a folder per batch).</summary>
    public string ImportFolder { get; set; } = Path.Combine(Path.GetTempPath(), "kangfu-imports");
    /// <summary>ZIP bomb limits checked on an .xlsx before parsing.</summary>
    public Platform.Uploads.UploadLimits Upload { get; set; } = new();
}

public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Registry").Get<RegistryOptions>() ?? new RegistryOptions());
        services.AddScoped<PersonListQuery>();
        services.AddScoped<Home.HomeSummaryQuery>();
        services.AddScoped<Platform.Demo.DemoDistrict>();
        services.AddScoped<PersonDetailQuery>();
        services.AddScoped<RevealPerson.RevealPerson>();
        services.AddImportExport();
        services.AddScoped<SavePerson.SavePerson>();
        services.AddScoped<SavePerson.LoadPersonForEdit>();
        services.AddScoped<PersonCounts.PersonCountsByArea>();
        return services;
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        var api = app.MapGroup("/api/persons").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/", async ([AsParameters] PersonListRequest request, PersonListQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), request.ToFilter(), ct));
        api.MapGet("/{id:guid}", async (Guid id, PersonDetailQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), id, ct));
        api.MapPost("/{id:guid}/reveal", async (Guid id, RevealPerson.RevealPerson reveal, CurrentUser current, CancellationToken ct) =>
            await reveal.HandleAsync(await current.GetAsync(), id, ct));
        api.MapImportExport();
        api.MapPost("/", async (SavePerson.SavePersonInput input, SavePerson.SavePerson save, CurrentUser current, CancellationToken ct) =>
        {
            input.Id = null;
            var saved = await save.HandleAsync(await current.GetAsync(), input, ct);
            return Results.Created($"/api/persons/{saved.Id}", saved);
        });
        api.MapPut("/{id:guid}", async (Guid id, SavePerson.SavePersonInput input, SavePerson.SavePerson save, CurrentUser current, CancellationToken ct) =>
        {
            input.Id = id;
            return await save.HandleAsync(await current.GetAsync(), input, ct);
        });
        return app;
    }
}

/// <summary>Query-string form of <see cref="PersonFilter"/>.</summary>
public sealed record PersonListRequest(
    string? Q, string? Area, DisabilityCategory? Category, int? Grade, int? AgeMin, int? AgeMax,
    PersonStatus? Status, TargetType? Target, string? Sort, bool? Desc, int? Page, int? PageSize)
{
    public PersonFilter ToFilter() => new()
    {
        Query = Q,
        AreaCode = Area,
        Category = Category,
        Grade = Grade,
        AgeMin = AgeMin,
        AgeMax = AgeMax,
        Status = Status,
        TargetType = Target,
        Sort = Sort ?? "name",
        Descending = Desc ?? false,
        Page = Page ?? 1,
        PageSize = PageSize ?? 20,
    };
}
