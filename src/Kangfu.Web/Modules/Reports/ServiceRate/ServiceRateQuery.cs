using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Reports.ServiceRate;

/// <summary>One street's line of the service-rate report.</summary>
public sealed record ServiceRateRow(string AreaCode, string AreaName, int Needing, int Served)
{
    /// <summary>Served ÷ needing, 0 when nobody needed a service.</summary>
    public double Rate => Needing == 0 ? 0 : (double)Served / Needing;
}

/// <summary>
/// 康复服务率 of year <see cref="Year"/>: persons with a rehab need in the needs survey of <see cref="NeedYear"/>
/// (a submitted home intake with 有需求) who received at least one service (session, device hand-over or counter
/// service) in <see cref="Year"/>, by street, within the user's area.
/// </summary>
public sealed record ServiceRateReport(int Year, int NeedYear, int Needing, int Served, IReadOnlyList<ServiceRateRow> Streets)
{
    public double Rate => Needing == 0 ? 0 : (double)Served / Needing;
}

/// <summary>
/// The service-rate report (domain.md §9): distinct persons, not services. Runs on the read connection (a standby
/// when configured); every table is filtered by the user's district first, so the district's index ranges are all
/// that is read — the cost does not grow with other districts' rows (bench suite <c>isolation</c>).
/// </summary>
public sealed class ServiceRateQuery(KangfuReadDbFactory dbFactory)
{
    public async Task<ServiceRateReport> HandleAsync(UserContext user, int year, int? needYear = null, CancellationToken ct = default)
    {
        user.Demand(Permission.ReportRead);
        if (user.IsInstitutionScoped || Roles.InstitutionScoped.Overlaps(user.Roles))
        {
            throw new UnauthorizedAccessException("机构用户不查看辖区统计报表。");
        }
        if (year is < 2000 or > 2100 || needYear is < 2000 or > 2100)
        {
            throw new Platform.Errors.DomainException("年度必须在2000年至2100年之间。");
        }
        var district = user.DistrictCode;
        var surveyYear = needYear ?? year - 1;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var db = dbFactory.CreateDbContext();
        var needing = db.Intakes.Where(i => i.DistrictCode == district && i.Year == surveyYear && i.Status == IntakeStatus.Submitted && i.HasNeed);
        if (user.AreaPrefix is { Length: > 0 } prefix)
        {
            needing = needing.Where(i => i.AreaCode.StartsWith(prefix));
        }
        // One intake per person and year (unique key), so counting intakes counts distinct persons.
        var counts = await needing
            .Select(i => new
            {
                Street = i.AreaCode.Substring(0, 9),
                Served = db.ServiceSessions.Any(s => s.DistrictCode == district && s.PersonId == i.PersonId && s.Date >= from && s.Date <= to),
            })
            .GroupBy(x => x.Street)
            .Select(g => new { g.Key, Needing = g.Count(), Served = g.Count(x => x.Served) })
            .ToListAsync(ct);
        var codes = counts.Select(c => c.Key + "000").ToList();
        var names = await db.Areas.Where(a => a.DistrictCode == district && codes.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => AreaNames.Brief(a.Name), ct);
        var streets = counts.OrderBy(c => c.Key)
            .Select(c => new ServiceRateRow(c.Key + "000", names.GetValueOrDefault(c.Key + "000", c.Key + "000"), c.Needing, c.Served))
            .ToList();
        return new ServiceRateReport(year, surveyYear, streets.Sum(s => s.Needing), streets.Sum(s => s.Served), streets);
    }
}
