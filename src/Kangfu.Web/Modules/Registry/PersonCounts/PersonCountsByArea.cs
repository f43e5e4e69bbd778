using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.PersonCounts;

/// <summary>Persons of one community: all records and those still registered (在册).</summary>
public sealed record AreaCount(string AreaCode, int Registered, int Total);

/// <summary>
/// Person counts per community inside the user's scope: one GROUP BY area_code on the database.
/// Streets and the district are sums of their communities (<see cref="SumBy"/>).
/// </summary>
public sealed class PersonCountsByArea(KangfuDbFactory dbFactory)
{
    public async Task<IReadOnlyList<AreaCount>> HandleAsync(UserContext user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.VisibleTo(user).AsNoTracking()
            .GroupBy(p => p.AreaCode)
            .Select(g => new AreaCount(g.Key, g.Count(p => p.Status == PersonStatus.Registered), g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>Totals per area of a coarser level: <paramref name="prefixLength"/> 9 gives streets, 6 the district.</summary>
    public static Dictionary<string, AreaCount> SumBy(IEnumerable<AreaCount> counts, int prefixLength) =>
        counts.GroupBy(c => c.AreaCode[..prefixLength].PadRight(12, '0'))
            .ToDictionary(g => g.Key, g => new AreaCount(g.Key, g.Sum(c => c.Registered), g.Sum(c => c.Total)));
}
