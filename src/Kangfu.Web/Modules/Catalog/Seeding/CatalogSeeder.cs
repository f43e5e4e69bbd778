using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Catalog.Seeding;

/// <summary>
/// Loads the embedded seed catalog into a district for one year. Idempotent by (year, code): items that already
/// exist are left as the district edited them; only missing codes are added. Returns the number added.
/// </summary>
public sealed class CatalogSeeder(KangfuDbFactory dbFactory)
{
    public async Task<int> HandleAsync(string districtCode, int year, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.ServiceItems.Where(i => i.DistrictCode == districtCode && i.CatalogYear == year)
            .Select(i => i.Code).ToListAsync(ct);
        var missing = CatalogSeedFile.Read().Where(r => !existing.Contains(r.Code)).ToList();
        foreach (var row in missing)
        {
            db.ServiceItems.Add(ToItem(districtCode, year, row));
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    public static ServiceItem ToItem(string districtCode, int year, CatalogSeedRow r) => new()
    {
        DistrictCode = districtCode,
        Id = Guid.CreateVersion7(),
        CatalogYear = year,
        Code = r.Code,
        Name = r.Name,
        FormLabel = r.FormLabel,
        Category = r.Category,
        SubPopulation = r.SubPopulation,
        Marker = r.Marker,
        AgeMin = r.AgeMin,
        AgeMax = r.AgeMax,
        FormOrder = r.FormOrder,
        Kind = r.Kind,
        IsDeviceNeed = r.IsDeviceNeed,
        RequiresCertificate = r.RequiresCertificate,
        MaxGrade = r.MaxGrade,
        SubsidyAmount = r.SubsidyAmount,
        SubsidyUnit = r.SubsidyUnit,
        YearlyCap = r.YearlyCap,
        MaxMonthsPerYear = r.MaxMonthsPerYear,
        ServiceLifeMonths = r.ServiceLifeMonths,
        EffectiveFrom = new DateOnly(year, 1, 1),
        EffectiveTo = new DateOnly(year, 12, 31),
        IsActive = true,
        Notes = r.Notes,
    };
}
