using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Access.Users;

public sealed record InstitutionOption(Guid Id, string Name);

/// <summary>What the account form offers: the district's streets and communities, and its active institutions.</summary>
public sealed record UserFormChoices(string DistrictCode, string DistrictName, IReadOnlyList<AreaNode> Areas, IReadOnlyList<InstitutionOption> Institutions);

public sealed class UserFormOptions(KangfuDbFactory dbFactory)
{
    public async Task<UserFormChoices> HandleAsync(UserContext actor, CancellationToken ct = default)
    {
        actor.Demand(Permission.UserManage);
        var district = actor.DistrictCode;
        await using var db = dbFactory.CreateDbContext();
        var areas = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == district && a.Level >= 3).OrderBy(a => a.Code)
            .Select(a => new AreaNode(a.Code, a.Name, a.Level, a.ParentCode)).ToListAsync(ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.DistrictCode == district && i.IsActive).OrderBy(i => i.Name)
            .Select(i => new InstitutionOption(i.Id, i.Name)).ToListAsync(ct);
        var name = areas.FirstOrDefault(a => a.Level == 3)?.Name ?? district;
        return new UserFormChoices(district + "000000", name, areas.Where(a => a.Level >= 4).ToList(), institutions);
    }
}
