using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Organization;

public sealed record AreaNode(string Code, string Name, int Level, string? ParentCode);

public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<AreaImporter>();
        services.AddScoped<AreaTree>();
        services.AddScoped<InstitutionList.InstitutionListQuery>();
        services.AddScoped<SaveInstitution.SaveInstitution>();
        services.AddScoped<SaveInstitution.LoadInstitutionForEdit>();
        return services;
    }

    public static WebApplication MapOrganization(this WebApplication app)
    {
        var api = app.MapGroup("/api/areas").RequireAuthorization();
        api.MapGet("/", async (AreaTree tree, CurrentUser current, CancellationToken ct) =>
            await tree.VisibleAsync(await current.GetAsync(), ct));
        return app;
    }
}

/// <summary>The part of the area tree a user may see: their own subtree (district users see the whole district).</summary>
public sealed class AreaTree(KangfuDbFactory dbFactory)
{
    public async Task<IReadOnlyList<AreaNode>> VisibleAsync(UserContext user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var query = db.Areas.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode && a.Level >= 3);
        if (user.AreaPrefix is { } prefix)
        {
            query = query.Where(a => a.Code.StartsWith(prefix));
        }
        return await query.OrderBy(a => a.Code).Select(a => new AreaNode(a.Code, a.Name, a.Level, a.ParentCode)).ToListAsync(ct);
    }

    /// <summary>Names of every area of the district, by code, for lists and exports.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(string districtCode, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Areas.AsNoTracking().Where(a => a.DistrictCode == districtCode)
            .ToDictionaryAsync(a => a.Code, a => a.Name, ct);
    }
}
