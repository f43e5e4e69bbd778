using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Subsidies;

/// <summary>
/// Which applications and cards a user may see: area users their area subtree (by the person's community at
/// application time), district users the district, institution users the cards of persons granted to them.
/// </summary>
public static class SubsidyScope
{
    public static IQueryable<SubsidyApplication> ApplicationsVisibleTo(this KangfuDbContext db, UserContext user)
    {
        user.Demand(Permission.SubsidyRead);
        var applications = db.SubsidyApplications.Where(a => a.DistrictCode == user.DistrictCode);
        if (user.IsInstitutionScoped || Roles.InstitutionScoped.Overlaps(user.Roles))
        {
            var persons = db.VisibleTo(user).Select(p => p.Id);
            return applications.Where(a => persons.Contains(a.PersonId));
        }
        return user.AreaPrefix is { Length: > 0 } prefix ? applications.Where(a => a.AreaCode.StartsWith(prefix)) : applications;
    }

    public static IQueryable<ServiceCard> CardsVisibleTo(this KangfuDbContext db, UserContext user)
    {
        user.Demand(Permission.SubsidyRead);
        var persons = db.VisibleTo(user).Select(p => p.Id);
        return db.ServiceCards.Where(c => c.DistrictCode == user.DistrictCode && persons.Contains(c.PersonId));
    }
}
