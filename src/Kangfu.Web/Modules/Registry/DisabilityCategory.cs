namespace Kangfu.Web.Modules.Registry;

/// <summary>GB/T 26341-2010 category codes 1–7.</summary>
public enum DisabilityCategory
{
    Visual = 1,
    Hearing = 2,
    Speech = 3,
    Physical = 4,
    Intellectual = 5,
    Mental = 6,
    Multiple = 7,
}

/// <summary>A set of categories stored as bit flags (bit n-1 for category n), queryable on both databases.</summary>
[Flags]
public enum CategorySet
{
    None = 0,
    Visual = 1 << 0,
    Hearing = 1 << 1,
    Speech = 1 << 2,
    Physical = 1 << 3,
    Intellectual = 1 << 4,
    Mental = 1 << 5,
}

public static class DisabilityCategories
{
    public static readonly IReadOnlyDictionary<DisabilityCategory, string> Names = new Dictionary<DisabilityCategory, string>
    {
        [DisabilityCategory.Visual] = "视力",
        [DisabilityCategory.Hearing] = "听力",
        [DisabilityCategory.Speech] = "言语",
        [DisabilityCategory.Physical] = "肢体",
        [DisabilityCategory.Intellectual] = "智力",
        [DisabilityCategory.Mental] = "精神",
        [DisabilityCategory.Multiple] = "多重",
    };

    public static readonly IReadOnlyDictionary<int, string> GradeNames = new Dictionary<int, string>
    {
        [1] = "一级",
        [2] = "二级",
        [3] = "三级",
        [4] = "四级",
    };

    public static CategorySet ToFlag(DisabilityCategory category) =>
        category == DisabilityCategory.Multiple ? CategorySet.None : (CategorySet)(1 << ((int)category - 1));

    public static IEnumerable<DisabilityCategory> Members(CategorySet set) =>
        Enum.GetValues<DisabilityCategory>().Where(c => c != DisabilityCategory.Multiple && set.HasFlag(ToFlag(c)));

    public static string Describe(CategorySet set) => string.Join("、", Members(set).Select(c => Names[c]));

    public static string GradeName(int? grade) => grade is { } g && GradeNames.TryGetValue(g, out var name) ? name : "未定级";

    /// <summary>Accepts 1–7 or the Chinese names (视力 / 视力残疾 …).</summary>
    public static bool TryParse(string? text, out DisabilityCategory category)
    {
        category = default;
        var t = (text ?? string.Empty).Trim().Replace("残疾", string.Empty, StringComparison.Ordinal);
        if (int.TryParse(t, out var code) && code is >= 1 and <= 7)
        {
            category = (DisabilityCategory)code;
            return true;
        }
        foreach (var (key, name) in Names)
        {
            if (t == name)
            {
                category = key;
                return true;
            }
        }
        return false;
    }

    /// <summary>Accepts 1–4, 一级…四级, 一…四.</summary>
    public static bool TryParseGrade(string? text, out int grade)
    {
        var t = (text ?? string.Empty).Trim();
        grade = t switch
        {
            "1" or "一级" or "一" => 1,
            "2" or "二级" or "二" => 2,
            "3" or "三级" or "三" => 3,
            "4" or "四级" or "四" => 4,
            _ => 0,
        };
        return grade != 0;
    }
}
