using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Kangfu.Web.Modules.Registry.PersonList;

/// <summary>An age-band preset of the filter bar.</summary>
public sealed record AgeBand(string Label, int Min, int? Max)
{
    public static readonly IReadOnlyList<AgeBand> Presets =
    [
        new("0-6岁", 0, 6),
        new("7-17岁", 7, 17),
        new("18-59岁", 18, 59),
        new("60岁及以上", 60, null),
    ];

    public static AgeBand? Of(PersonFilter filter) =>
        Presets.FirstOrDefault(b => b.Min == filter.AgeMin && b.Max == filter.AgeMax);
}

/// <summary>
/// The person list filter as a query string, with the parameter names of <c>GET /api/persons</c>
/// (so the same string drives the API and the export). Defaults are left out to keep URLs short.
/// </summary>
public static class PersonListUrl
{
    public static readonly int[] PageSizes = [20, 50, 100];

    public static PersonFilter Parse(string uri)
    {
        var query = new Uri(uri, UriKind.Absolute).Query;
        var values = QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var pageSize = Int(Get("pageSize")) ?? PageSizes[0];
        return new PersonFilter
        {
            Query = Get("q"),
            AreaCode = Get("area") is { Length: 12 } area && area.All(char.IsAsciiDigit) ? area : null,
            Category = Enum<DisabilityCategory>(Get("category")),
            Grade = Int(Get("grade")) is { } g && g is >= 1 and <= 4 ? g : null,
            AgeMin = Int(Get("ageMin")),
            AgeMax = Int(Get("ageMax")),
            Status = Enum<PersonStatus>(Get("status")),
            TargetType = Enum<TargetType>(Get("target")),
            Sort = Get("sort") is { } sort && PersonSorts.Contains(sort) ? sort : "name",
            Descending = Get("desc") is "true" or "1",
            Page = Math.Max(1, Int(Get("page")) ?? 1),
            PageSize = PageSizes.Contains(pageSize) ? pageSize : PageSizes[0],
        };
    }

    /// <summary>
    /// The query string (without "?"). For the address bar, pass <paramref name="withIdentifiers"/> false:
    /// an ID or certificate number typed into the search box must not end up in browser history or bookmarks.
    /// </summary>
    public static string ToQuery(PersonFilter filter, bool withIdentifiers = true)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                parts.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture)));
            }
        }
        if (filter.Query?.Trim() is { Length: > 0 } q && (withIdentifiers || !LooksLikeIdentifier(q)))
        {
            Add("q", q);
        }
        Add("area", filter.AreaCode);
        Add("category", filter.Category);
        Add("grade", filter.Grade);
        Add("ageMin", filter.AgeMin);
        Add("ageMax", filter.AgeMax);
        Add("status", filter.Status);
        Add("target", filter.TargetType);
        Add("sort", filter.Sort == "name" ? null : filter.Sort);
        Add("desc", filter.Descending ? "true" : null);
        Add("page", filter.Page > 1 ? filter.Page : null);
        Add("pageSize", filter.PageSize == PageSizes[0] ? null : filter.PageSize);
        return QueryString.Create(parts).ToUriComponent().TrimStart('?');
    }

    public static bool LooksLikeIdentifier(string query) => query.Count(char.IsAsciiDigit) >= 6;

    private static readonly HashSet<string> PersonSorts = ["name", "age", "area", "grade", "category", "updated"];

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static T? Enum<T>(string? value) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(value, ignoreCase: true, out var e) && System.Enum.IsDefined(e) ? e : null;
}
