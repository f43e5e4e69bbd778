using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Pinyin;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.PersonList;

public sealed record PersonFilter
{
    /// <summary>ID number, certificate number, name fragment or pinyin initials.</summary>
    public string? Query { get; init; }
    public string? AreaCode { get; init; }
    public DisabilityCategory? Category { get; init; }
    public int? Grade { get; init; }
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    public PersonStatus? Status { get; init; }
    public TargetType? TargetType { get; init; }
    public string Sort { get; init; } = "name";
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record PersonRow(
    Guid Id, string Name, string MaskedIdNumber, Sex Sex, int Age, string? MaskedCertificateNumber,
    DisabilityCategory? Category, CategorySet Categories, int? Grade, string AreaCode, string AreaName,
    string? MaskedPhone, PersonStatus Status, TargetType TargetType);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>Registry search and list: server-side filter, sort and paging inside the user's scope; identifiers masked.</summary>
public sealed class PersonListQuery(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<PagedResult<PersonRow>> HandleAsync(UserContext user, PersonFilter filter, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var today = clock.Today();
        var query = Apply(db.VisibleTo(user).AsNoTracking(), filter, today);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(1, filter.Page);
        // One round trip for the page: only the listed columns (the protected fields a row does not show are neither
        // read nor decrypted), with the area name from a correlated lookup instead of a second query.
        var rows = await Sort(query, filter).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new ListedPerson(
                p.Id, p.Name, p.IdNumber, p.Sex, p.BirthDate, p.CertificateNumber, p.Category, p.Categories, p.Grade, p.AreaCode,
                db.Areas.Where(a => a.DistrictCode == p.DistrictCode && a.Code == p.AreaCode).Select(a => a.Name).FirstOrDefault(),
                p.Phone, p.Status, p.TargetType))
            .ToListAsync(ct);
        // A page that is not full is the last one: its total is known without counting (an exact ID or certificate hit).
        var total = rows.Count < pageSize && (rows.Count > 0 || page == 1)
            ? ((page - 1) * pageSize) + rows.Count
            : await query.CountAsync(ct);
        return new PagedResult<PersonRow>(rows.Select(p => p.ToRow(today)).ToList(), total, page, pageSize);
    }

    /// <summary>The columns of one list row as read from the database (identifiers still unmasked).</summary>
    private sealed record ListedPerson(
        Guid Id, string Name, string IdNumber, Sex Sex, DateOnly BirthDate, string? CertificateNumber, DisabilityCategory? Category,
        CategorySet Categories, int? Grade, string AreaCode, string? AreaName, string? Phone, PersonStatus Status, TargetType TargetType)
    {
        public PersonRow ToRow(DateOnly today) => new(
            Id, Name, Mask.IdNumber(IdNumber), Sex, Ages.CompletedYears(BirthDate, today),
            CertificateNumber is null ? null : Mask.CertificateNumber(CertificateNumber),
            Category, Categories, Grade, AreaCode, AreaName ?? AreaCode, Phone is null ? null : Mask.Phone(Phone), Status, TargetType);
    }

    public static PersonRow ToRow(Person p, IReadOnlyDictionary<string, string> areaNames, DateOnly today) => new(
        p.Id, p.Name, Mask.IdNumber(p.IdNumber), p.Sex, p.AgeOn(today),
        p.CertificateNumber is null ? null : Mask.CertificateNumber(p.CertificateNumber),
        p.Category, p.Categories, p.Grade, p.AreaCode, areaNames.GetValueOrDefault(p.AreaCode, p.AreaCode),
        p.Phone is null ? null : Mask.Phone(p.Phone), p.Status, p.TargetType);

    public static IQueryable<Person> Apply(IQueryable<Person> query, PersonFilter filter, DateOnly today)
    {
        if (filter.Query?.Trim() is { Length: > 0 } q)
        {
            query = Search(query, q.ToUpperInvariant());
        }
        if (filter.AreaCode is { Length: > 0 } area)
        {
            query = query.InArea(area);
        }
        if (filter.Category is { } category)
        {
            var flag = DisabilityCategories.ToFlag(category);
            query = category == DisabilityCategory.Multiple
                ? query.Where(p => p.Category == DisabilityCategory.Multiple)
                : query.Where(p => p.Category == category || (p.Categories & flag) != 0);
        }
        if (filter.Grade is { } grade)
        {
            query = query.Where(p => p.Grade == grade);
        }
        if (filter.AgeMin is { } min)
        {
            var bornOnOrBefore = today.AddYears(-min);
            query = query.Where(p => p.BirthDate <= bornOnOrBefore);
        }
        if (filter.AgeMax is { } max)
        {
            var bornAfter = today.AddYears(-(max + 1));
            query = query.Where(p => p.BirthDate > bornAfter);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (filter.TargetType is { } target)
        {
            query = query.Where(p => p.TargetType == target);
        }
        return query;
    }

    private static IQueryable<Person> Search(IQueryable<Person> query, string q)
    {
        if (q.Length == 18 || (q.Length >= 6 && q.All(char.IsAsciiDigit)))
        {
            // ID numbers are encrypted: only a whole number is searchable, through its blind index.
            var hash = FieldProtection.BlindIndex.IdNumber(q);
            return q.Length == 18 ? query.Where(p => p.IdNumberHash == hash) : query.Where(p => false);
        }
        if (q.Length is 20 or 22 && char.IsAsciiDigit(q[0]))
        {
            var number = q[..20];
            return query.Where(p => p.CertificateNumber == number);
        }
        // LIKE '%…%' (not strpos/instr): PostgreSQL answers it from the pg_trgm GIN indexes on name and name_initials.
        // The pattern is a literal in the SQL (EF.Constant, escaped by EF), not a parameter: the statements are prepared
        // (PostgresConnection), and a prepared plan for "LIKE $1" cannot know how selective the fragment is — PostgreSQL's
        // generic plan walked the district in name order and filtered, 2-3x slower than the plan for the actual pattern.
        if (PinyinInitials.IsInitialsQuery(q))
        {
            var initials = ContainsPattern(q.ToLowerInvariant());
            return query.Where(p => EF.Functions.Like(p.NameInitials, EF.Constant(initials), LikeEscape));
        }
        var pattern = ContainsPattern(q);
        return query.Where(p => EF.Functions.Like(p.Name, EF.Constant(pattern), LikeEscape));
    }

    private const string LikeEscape = "\\";

    /// <summary>The LIKE pattern "%q%" with the wildcards and the escape character in <paramref name="q"/> taken literally.</summary>
    public static string ContainsPattern(string q) =>
        "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static IQueryable<Person> Sort(IQueryable<Person> query, PersonFilter filter) => (filter.Sort, filter.Descending) switch
    {
        ("age", false) => query.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id),
        ("age", true) => query.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
        ("area", false) => query.OrderBy(p => p.AreaCode).ThenBy(p => p.Id),
        ("area", true) => query.OrderByDescending(p => p.AreaCode).ThenBy(p => p.Id),
        ("grade", false) => query.OrderBy(p => p.Grade).ThenBy(p => p.Id),
        ("grade", true) => query.OrderByDescending(p => p.Grade).ThenBy(p => p.Id),
        ("category", false) => query.OrderBy(p => p.Category).ThenBy(p => p.Id),
        ("category", true) => query.OrderByDescending(p => p.Category).ThenBy(p => p.Id),
        ("updated", false) => query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
        ("updated", true) => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
        (_, true) => query.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        _ => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };
}
