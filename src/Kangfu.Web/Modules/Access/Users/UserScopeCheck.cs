using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>The scope of an account must exist in the security admin's district: a street or community, or an active institution.</summary>
internal static class UserScopeCheck
{
    public static async Task ThrowIfInvalidAsync(KangfuDbContext db, string district, UserInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.AreaCode is { } code && !await db.Areas.AnyAsync(a => a.DistrictCode == district && a.Code == code, ct))
        {
            errors[nameof(UserInput.AreaCode)] = "管辖区域：不是本区的街道或社区。";
        }
        if (input.InstitutionId is { } id && !await db.Institutions.AnyAsync(i => i.DistrictCode == district && i.Id == id && i.IsActive, ct))
        {
            errors[nameof(UserInput.InstitutionId)] = "所属机构：不是本区启用的服务机构。";
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
    }
}
