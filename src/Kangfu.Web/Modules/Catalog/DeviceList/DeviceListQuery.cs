using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Catalog.DeviceList;

public sealed record DeviceRowView(string Code, string Name, string ClassName, string? SubClassName, string? DivisionName, IReadOnlyList<string> Tags);

public sealed record DevicePage(IReadOnlyList<DeviceRowView> Items, int Total, int Page, int PageSize);

/// <summary>Searches the device products by code, name, division or tag; paged, ordered by code.</summary>
public sealed class DeviceListQuery(KangfuDbFactory dbFactory)
{
    public const int MaxPageSize = 100;

    public async Task<DevicePage> HandleAsync(string districtCode, string? query, int page, int pageSize = 20, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = dbFactory.CreateDbContext();
        var products = db.DeviceProducts.AsNoTracking().Where(p => p.DistrictCode == districtCode);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            products = products.Where(p => p.Code.StartsWith(q) || p.Name.Contains(q) || p.DivisionName!.Contains(q)
                || p.SubClassName!.Contains(q) || p.FunctionTags.Contains(q));
        }
        var total = await products.CountAsync(ct);
        var rows = await products.OrderBy(p => p.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(p => new DeviceRowView(p.Code, p.Name, p.ClassName, p.SubClassName, p.DivisionName,
            p.FunctionTags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
        return new DevicePage(items, total, page, pageSize);
    }
}
