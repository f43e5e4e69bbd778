using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Organization.InstitutionList;

public sealed record InstitutionRow(
    Guid Id, string Name, InstitutionKind Kinds, DeviceDirection Directions, string? CreditCode, string? ContactPhone,
    DateOnly? QualifiedUntil, bool IsActive, IReadOnlyList<string> ServiceAreaNames);

/// <summary>The institutions of the user's district, active first, with the names of the areas they serve.</summary>
public sealed class InstitutionListQuery(KangfuDbFactory dbFactory, AreaTree areaTree)
{
    public async Task<IReadOnlyList<InstitutionRow>> HandleAsync(UserContext user, CancellationToken ct = default)
    {
        user.Demand(Permission.OrganizationManage);
        await using var db = dbFactory.CreateDbContext();
        var institutions = await db.Institutions.AsNoTracking().Include(i => i.ServiceAreas)
            .Where(i => i.DistrictCode == user.DistrictCode)
            .OrderByDescending(i => i.IsActive).ThenBy(i => i.Name)
            .ToListAsync(ct);
        var names = await areaTree.NamesAsync(user.DistrictCode, ct);
        return institutions.Select(i => new InstitutionRow(
            i.Id, i.Name, i.Kinds, i.Directions, i.CreditCode, i.ContactPhone, i.QualifiedUntil, i.IsActive,
            i.ServiceAreas.Select(a => a.AreaCode).Order(StringComparer.Ordinal)
                .Select(code => AreaNames.Brief(names.GetValueOrDefault(code, code))).ToList())).ToList();
    }
}
