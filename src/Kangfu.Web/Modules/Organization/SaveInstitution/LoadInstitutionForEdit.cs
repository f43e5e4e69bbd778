using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Organization.SaveInstitution;

/// <summary>The edit form of one institution of the user's district.</summary>
public sealed class LoadInstitutionForEdit(KangfuDbFactory dbFactory)
{
    public async Task<SaveInstitutionInput> HandleAsync(UserContext user, Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.OrganizationManage);
        await using var db = dbFactory.CreateDbContext();
        var institution = await db.Institutions.AsNoTracking().Include(i => i.ServiceAreas)
            .FirstOrDefaultAsync(i => i.DistrictCode == user.DistrictCode && i.Id == id, ct) ?? throw new NotFoundException();
        return SaveInstitutionInput.From(institution);
    }
}
