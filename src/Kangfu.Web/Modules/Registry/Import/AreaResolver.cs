using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>
/// Resolves the 所属社区 cell (a 12-digit code, a community name, or street + community name) to a community code
/// inside the importing user's scope. The district's areas are loaded once per import.
/// </summary>
public sealed class AreaResolver
{
    private static readonly string[] Suffixes = ["社区居民委员会", "社区居委会", "居民委员会", "居委会", "村民委员会", "村委会", "社区", "村"];
    private readonly Dictionary<string, Area> byCode;
    private readonly ILookup<string, Area> communitiesByName;
    private readonly List<Area> streets;
    private readonly string? scopePrefix;

    private AreaResolver(List<Area> areas, string? scopePrefix)
    {
        byCode = areas.ToDictionary(a => a.Code);
        communitiesByName = areas.Where(a => a.Level == 5).ToLookup(a => Key(a.Name));
        streets = areas.Where(a => a.Level == 4).OrderByDescending(a => a.Name.Length).ToList();
        this.scopePrefix = scopePrefix;
        Fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            (scopePrefix ?? "") + "\n" + string.Join("\n", areas.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => $"{a.Code}|{a.Level}|{a.ParentCode}|{a.Name}")))));
    }

    /// <summary>A hash of the areas and the scope the cells are resolved against: equal fingerprints resolve every cell alike.</summary>
    public string Fingerprint { get; }

    public static async Task<AreaResolver> LoadAsync(KangfuDbContext db, UserContext user, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode && a.Level >= 4).ToListAsync(ct);
        return new AreaResolver(areas, user.AreaPrefix);
    }

    public bool InScope(string areaCode) => scopePrefix is not { Length: > 0 } prefix || areaCode.StartsWith(prefix, StringComparison.Ordinal);

    public string? NameOf(string code) => byCode.TryGetValue(code, out var area) ? area.Name : null;

    /// <summary>The first community in the user's scope, for the template's example row.</summary>
    public string? FirstCommunity() => byCode.Values.Where(a => a.Level == 5 && InScope(a.Code)).Min(a => a.Code);

    /// <summary>Returns "" and the code, or a Chinese error.</summary>
    public string Resolve(string text, out string? code)
    {
        code = null;
        if (text.Length == 0)
        {
            return "所属社区不能为空";
        }
        if (text.All(char.IsAsciiDigit))
        {
            return ByCode(text, out code);
        }
        var candidates = Candidates(text);
        var visible = candidates.Where(a => InScope(a.Code)).ToList();
        if (visible.Count == 1)
        {
            code = visible[0].Code;
            return "";
        }
        if (visible.Count > 1)
        {
            return $"本区有{visible.Count}个名为“{text}”的社区，请写成“街道名+社区名”或填写12位区划代码";
        }
        return candidates.Count > 0
            ? $"社区“{text}”不在您的管辖范围内，不能导入"
            : $"找不到社区“{text}”，请填写12位区划代码或本区的社区（村）名称";
    }

    private string ByCode(string text, out string? code)
    {
        code = null;
        if (text.Length != 12)
        {
            return $"区划代码“{text}”应为12位数字";
        }
        if (!byCode.TryGetValue(text, out var area))
        {
            return $"区划代码“{text}”不是本区的社区（村）";
        }
        if (area.Level != 5)
        {
            return $"“{text}”是{area.Name}，请填写社区（村）级的区划代码";
        }
        if (!InScope(area.Code))
        {
            return $"社区“{area.Name}（{area.Code}）”不在您的管辖范围内，不能导入";
        }
        code = area.Code;
        return "";
    }

    private List<Area> Candidates(string text)
    {
        var direct = communitiesByName[Key(text)].ToList();
        if (direct.Count == 1)
        {
            return direct;
        }
        foreach (var street in streets.Where(s => text.StartsWith(s.Name, StringComparison.Ordinal)))
        {
            var rest = Key(text[street.Name.Length..].Trim(' ', '/', '-', '－', '　'));
            var inStreet = communitiesByName[rest].Where(a => a.ParentCode == street.Code).ToList();
            if (inStreet.Count > 0)
            {
                return inStreet;
            }
        }
        return direct;
    }

    private static string Key(string name)
    {
        var suffix = Suffixes.FirstOrDefault(s => name.Length > s.Length && name.EndsWith(s, StringComparison.Ordinal));
        return suffix is null ? name : name[..^suffix.Length];
    }
}
