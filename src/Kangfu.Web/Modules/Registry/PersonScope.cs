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
        return user.AreaPrefix is { Length: > 0 } prefix ? persons.InArea(prefix) : persons;
    }

    /// <summary>
    /// Persons of an area subtree (a 12-digit code or its significant prefix), as a comparison the
    /// (district_code, area_code, name, id) index answers: one community is an equality (the list is read in name order
    /// straight from the index), a larger area the range of its 12-digit codes. Same rows as AreaCode.StartsWith(prefix).
    /// </summary>
    public static IQueryable<Person> InArea(this IQueryable<Person> persons, string areaCode)
    {
        var prefix = Organization.AreaCodes.Prefix(areaCode);
        if (prefix.Length >= 12)
        {
            return persons.Where(p => p.AreaCode == prefix);
        }
        var first = prefix.PadRight(12, '0');
        var last = prefix.PadRight(12, '9');
        return persons.Where(p => string.Compare(p.AreaCode, first) >= 0 && string.Compare(p.AreaCode, last) <= 0);
    }
}
