using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Home;

public sealed record HomeSummary(int Registered, int Certified, int Children, int Severe, IReadOnlyList<(string Name, int Count)> ByCategory);

/// <summary>Headline counts of the registry within the user's scope (dashboard: on the read connection, lag-tolerant).</summary>
public sealed class HomeSummaryQuery(KangfuReadDbFactory dbFactory, TimeProvider clock)
{
    public async Task<HomeSummary> HandleAsync(UserContext user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var registered = db.VisibleTo(user).Where(p => p.Status == PersonStatus.Registered);
        var sixYearsAgo = clock.Today().AddYears(-7);
        var byCategory = await registered.Where(p => p.Category != null).GroupBy(p => p.Category)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new HomeSummary(
            await registered.CountAsync(ct),
            await registered.CountAsync(p => p.CertificateNumber != null, ct),
            await registered.CountAsync(p => p.BirthDate > sixYearsAgo, ct),
            await registered.CountAsync(p => p.Grade == 1 || p.Grade == 2, ct),
            byCategory.OrderBy(c => c.Key).Select(c => (DisabilityCategories.Names[c.Key!.Value], c.Count)).ToList());
    }
}
