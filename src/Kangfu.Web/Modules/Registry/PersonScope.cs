using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Registry;

/// <summary>
/// The one place where "who may see which person" becomes a query filter. Every registry query starts here:
/// area users see their area subtree; institution users see persons with an active grant to their institution.
/// </summary>
public static class PersonScope
{
    public static IQueryable<Person> VisibleTo(this KangfuDbContext db, UserContext user)
    {
        user.Demand(Permission.PersonRead);
        var persons = db.Persons.Where(p => p.DistrictCode == user.DistrictCode);
        if (user.InstitutionId is { } institution)
        {
            var granted = db.CaseAccessGrants
                .Where(g => g.DistrictCode == user.DistrictCode && g.InstitutionId == institution && g.RevokedAt == null)
                .Select(g => g.PersonId);
            return persons.Where(p => granted.Contains(p.Id));
        }
        if (Roles.InstitutionScoped.Overlaps(user.Roles))
        {
            // An institution role without an institution sees nothing rather than everything.
            return persons.Where(p => false);
        }
        return user.AreaPrefix is { Length: > 0 } prefix ? persons.Where(p => p.AreaCode.StartsWith(prefix)) : persons;
    }
}
