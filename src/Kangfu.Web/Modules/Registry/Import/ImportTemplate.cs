using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>The import template: every column of the column map with one example row (a community of the user's scope).</summary>
public sealed class ImportTemplate(KangfuDbFactory dbFactory)
{
    public async Task<byte[]> HandleAsync(UserContext user, CancellationToken ct = default)
    {
        user.Demand(Permission.PersonImport);
        await using var db = dbFactory.CreateDbContext();
        var communities = db.Areas.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode && a.Level == 5);
        if (user.AreaPrefix is { Length: > 0 } prefix)
        {
            communities = communities.Where(a => a.Code.StartsWith(prefix));
        }
        var community = await communities.OrderBy(a => a.Code).Select(a => a.Code).FirstOrDefaultAsync(ct);
        var example = PersonColumns.All.Where(c => !c.Informational)
            .ToDictionary(c => c.Header, c => (object?)(c.Key == ColumnKey.Area ? community ?? c.Example : c.Example));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[] { example }, cancellationToken: ct);
        return stream.ToArray();
    }
}
