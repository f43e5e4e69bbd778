using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Surveys.Campaigns;

public sealed record ProgressRow(string AreaCode, string AreaName, int Surveyed, int Total)
{
    public double Percent => Total == 0 ? 0 : 100.0 * Surveyed / Total;
}

public sealed record SurveyProgress(int Year, string? AreaCode, int Surveyed, int Total, IReadOnlyList<ProgressRow> Communities)
{
    public double Percent => Total == 0 ? 0 : 100.0 * Surveyed / Total;
}

public sealed record ToSurveyRow(Guid PersonId, string Name, string AreaName, string Categories, bool HasDraft);

public sealed record ToSurveyPage(IReadOnlyList<ToSurveyRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// Campaigns and progress of the yearly survey, in the user's scope. Progress = 在册 persons with a submitted or
/// no-need intake of the year ÷ all 在册 persons, per community, counted by the database (GROUP BY).
/// </summary>
public sealed class SurveyQueries(KangfuDbFactory dbFactory)
{
    public async Task<IReadOnlyList<CampaignRow>> CampaignsAsync(UserContext user, int? year, CancellationToken ct = default)
    {
        user.Demand(Permission.PersonRead);
        await using var db = dbFactory.CreateDbContext();
        var prefix = user.AreaPrefix ?? "";
        // A community worker sees the campaign of their street too.
        var campaigns = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.DistrictCode == user.DistrictCode && (year == null || c.Year == year))
            .OrderByDescending(c => c.Year).ThenBy(c => c.AreaCode)
            .ToListAsync(ct);
        campaigns = campaigns.Where(c => c.AreaCode.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(AreaCodes.Prefix(c.AreaCode), StringComparison.Ordinal)).ToList();
        var codes = campaigns.Select(c => c.AreaCode).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode && codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return campaigns.Select(c => new CampaignRow(c.Id, c.Year, c.AreaCode, names.GetValueOrDefault(c.AreaCode, c.AreaCode), c.Name, c.StartsOn, c.EndsOn)).ToList();
    }

    public async Task<SurveyProgress> ProgressAsync(UserContext user, int year, string? area, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var persons = InArea(db, user, area);
        var surveyed = Surveyed(db, user, year);
        var totals = await persons.GroupBy(p => p.AreaCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var done = await persons.Where(p => surveyed.Contains(p.Id)).GroupBy(p => p.AreaCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var codes = totals.Select(t => t.Key).ToList();
        var names = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode && codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var rows = totals.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new ProgressRow(t.Key, names.GetValueOrDefault(t.Key, t.Key), done.GetValueOrDefault(t.Key), t.Count)).ToList();
        return new SurveyProgress(year, area, rows.Sum(r => r.Surveyed), rows.Sum(r => r.Total), rows);
    }

    /// <summary>待入户: 在册 persons in scope without a submitted or no-need intake this year (the worker's queue).</summary>
    public async Task<ToSurveyPage> ToSurveyAsync(UserContext user, int year, string? area, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = dbFactory.CreateDbContext();
        var surveyed = Surveyed(db, user, year);
        var drafts = db.Intakes.Where(i => i.DistrictCode == user.DistrictCode && i.Year == year).Select(i => i.PersonId);
        var query = InArea(db, user, area).Where(p => !surveyed.Contains(p.Id));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.AreaCode).ThenBy(p => p.NameInitials).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Name, p.AreaCode, p.Categories, HasDraft = drafts.Contains(p.Id) })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.AreaCode).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode && codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return new ToSurveyPage(
            rows.Select(r => new ToSurveyRow(r.Id, r.Name, AreaNames.Brief(names.GetValueOrDefault(r.AreaCode, r.AreaCode)),
                r.Categories == CategorySet.None ? "未评定" : DisabilityCategories.Describe(r.Categories), r.HasDraft)).ToList(),
            total, page, pageSize);
    }

    private static IQueryable<Person> InArea(KangfuDbContext db, UserContext user, string? area)
    {
        var persons = db.VisibleTo(user).Where(p => p.Status == PersonStatus.Registered);
        if (string.IsNullOrEmpty(area))
        {
            return persons;
        }
        var prefix = AreaCodes.Prefix(area);
        return persons.Where(p => p.AreaCode.StartsWith(prefix));
    }

    private static IQueryable<Guid> Surveyed(KangfuDbContext db, UserContext user, int year) =>
        db.Intakes.Where(i => i.DistrictCode == user.DistrictCode && i.Year == year
            && (i.Status == IntakeStatus.Submitted || i.Status == IntakeStatus.NoNeed)).Select(i => i.PersonId);
}
