using System.Linq.Expressions;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Referrals;

/// <summary>
/// Which cases a user may see: area users their area subtree; an assessment or service institution the cases of
/// the areas it serves that are not assigned to another institution, and those assigned to it; a device technician the device, prosthesis and accessibility cases of
/// the district (the review queue narrows them to the technician's direction, and acting demands it).
/// </summary>
public static class CaseScope
{
    public static async Task<IQueryable<RehabCase>> VisibleToAsync(this KangfuDbContext db, UserContext user, CancellationToken ct = default)
    {
        user.Demand(Permission.PersonRead);
        var cases = db.Cases.Where(c => c.DistrictCode == user.DistrictCode);
        if (user.InstitutionId is not { } institution)
        {
            if (Roles.InstitutionScoped.Overlaps(user.Roles))
            {
                return cases.Where(c => false);
            }
            return user.AreaPrefix is { Length: > 0 } prefix ? cases.Where(c => c.AreaCode.StartsWith(prefix)) : cases;
        }
        if (user.Roles.Contains(Roles.DeviceTechnician))
        {
            return cases.Where(c => c.Kind != CaseKind.Service);
        }
        var served = await db.InstitutionServiceAreas
            .Where(a => a.DistrictCode == user.DistrictCode && a.InstitutionId == institution)
            .Select(a => a.AreaCode).ToListAsync(ct);
        var byArea = ServedBy(served.Select(AreaCodes.Prefix).Distinct().ToList(), institution);
        cases = cases.Where(byArea);
        return user.Roles.Contains(Roles.AssessmentInstitution) || user.Roles.Contains(Roles.RehabInstitution)
            ? cases.Where(c => c.Kind == CaseKind.Service)
            : cases.Where(c => c.Kind != CaseKind.Service);
    }

    /// <summary>Whether a technician's directions cover the case (All covers every case).</summary>
    public static bool DirectionCovers(DeviceDirection user, DeviceDirection caseDirection) =>
        user == DeviceDirection.All || (user & caseDirection) != DeviceDirection.None;

    private static Expression<Func<RehabCase, bool>> ServedBy(IReadOnlyList<string> prefixes, Guid institution)
    {
        var c = Expression.Parameter(typeof(RehabCase), "c");
        // Assigned to this institution; or not assigned to any, in an area it serves.
        var assignedTo = Expression.Property(c, nameof(RehabCase.InstitutionId));
        Expression inArea = Expression.Constant(false);
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var prefix in prefixes)
        {
            inArea = Expression.OrElse(inArea, Expression.Call(Expression.Property(c, nameof(RehabCase.AreaCode)), startsWith, Expression.Constant(prefix)));
        }
        var body = Expression.OrElse(
            Expression.Equal(assignedTo, Expression.Constant(institution, typeof(Guid?))),
            Expression.AndAlso(Expression.Equal(assignedTo, Expression.Constant(null, typeof(Guid?))), inArea));
        return Expression.Lambda<Func<RehabCase, bool>>(body, c);
    }
}
