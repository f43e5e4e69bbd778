using System.Globalization;

namespace Kangfu.Web.Modules.Registry.Shared;

/// <summary>The Chinese words for the registry enums, in both directions: display in pages and exports, parsing in imports.</summary>
public static class RegistryNames
{
    public static readonly IReadOnlyDictionary<PersonStatus, string> Statuses = new Dictionary<PersonStatus, string>
    {
        [PersonStatus.Registered] = "在册",
        [PersonStatus.MovedOut] = "迁出",
        [PersonStatus.Deceased] = "死亡",
        [PersonStatus.Cancelled] = "注销",
    };

    public static readonly IReadOnlyDictionary<TargetType, string> Targets = new Dictionary<TargetType, string>
    {
        [TargetType.Certified] = "持证残疾人",
        [TargetType.Child0To6] = "0-6岁残疾儿童",
        [TargetType.Autism] = "孤独症儿童",
        [TargetType.HighRiskNewborn] = "高危新生儿",
    };

    public static readonly IReadOnlyDictionary<GuardianRelation, string> Relations = new Dictionary<GuardianRelation, string>
    {
        [GuardianRelation.Parent] = "父母",
        [GuardianRelation.Spouse] = "配偶",
        [GuardianRelation.Sibling] = "兄弟姐妹",
        [GuardianRelation.Grandparent] = "祖父母",
        [GuardianRelation.Other] = "其他",
    };

    public static string Sex(Sex sex) => Sexes[sex];

    public static string Status(PersonStatus status) => Statuses.GetValueOrDefault(status, "未知");

    public static string Target(TargetType target) => Targets.GetValueOrDefault(target, "未知");

    public static string Relation(GuardianRelation? relation) =>
        relation is { } r ? Relations.GetValueOrDefault(r, "其他") : "—";

    /// <summary>"肢体", or for a multiple disability "多重（视力、听力）".</summary>
    public static string Category(DisabilityCategory? category, CategorySet components)
    {
        var members = DisabilityCategories.Describe(components);
        return category switch
        {
            null when members.Length > 0 => members,
            null => "未评定",
            DisabilityCategory.Multiple when members.Length > 0 => $"多重（{members}）",
            { } c => DisabilityCategories.Names[c],
        };
    }

    public static readonly IReadOnlyDictionary<Registry.Sex, string> Sexes = new Dictionary<Registry.Sex, string>
    {
        [Registry.Sex.Male] = "男",
        [Registry.Sex.Female] = "女",
    };

    private static readonly Dictionary<string, TargetType> TargetAliases = new()
    {
        ["持证"] = TargetType.Certified,
        ["残疾人"] = TargetType.Certified,
        ["0-6岁儿童"] = TargetType.Child0To6,
        ["0~6岁儿童"] = TargetType.Child0To6,
        ["0～6岁儿童"] = TargetType.Child0To6,
        ["0至6岁儿童"] = TargetType.Child0To6,
        ["孤独症"] = TargetType.Autism,
        ["自闭症儿童"] = TargetType.Autism,
    };

    private static readonly Dictionary<string, GuardianRelation> RelationAliases = new()
    {
        ["父亲"] = GuardianRelation.Parent,
        ["母亲"] = GuardianRelation.Parent,
        ["父子"] = GuardianRelation.Parent,
        ["母子"] = GuardianRelation.Parent,
        ["夫妻"] = GuardianRelation.Spouse,
        ["丈夫"] = GuardianRelation.Spouse,
        ["妻子"] = GuardianRelation.Spouse,
        ["兄弟"] = GuardianRelation.Sibling,
        ["姐妹"] = GuardianRelation.Sibling,
        ["祖父"] = GuardianRelation.Grandparent,
        ["祖母"] = GuardianRelation.Grandparent,
        ["外祖父母"] = GuardianRelation.Grandparent,
    };

    public static bool TryParseTarget(string text, out TargetType value) =>
        TryParse(text, Targets, TargetAliases, out value);

    public static bool TryParseRelation(string text, out GuardianRelation value) =>
        TryParse(text, Relations, RelationAliases, out value);

    public static bool TryParseStatus(string text, out PersonStatus value) =>
        TryParse(text, Statuses, new Dictionary<string, PersonStatus>(), out value);

    public static bool TryParseSex(string text, out Registry.Sex value) =>
        TryParse(text, Sexes, new Dictionary<string, Registry.Sex> { ["男性"] = Registry.Sex.Male, ["女性"] = Registry.Sex.Female }, out value);

    public static string Expected<T>(IReadOnlyDictionary<T, string> names) where T : notnull => string.Join("/", names.Values);

    private static bool TryParse<T>(string text, IReadOnlyDictionary<T, string> names, Dictionary<string, T> aliases, out T value)
        where T : struct, Enum
    {
        foreach (var (key, name) in names)
        {
            if (text == name)
            {
                value = key;
                return true;
            }
        }
        if (aliases.TryGetValue(text, out value))
        {
            return true;
        }
        // The numeric code is accepted too (1 = 持证残疾人 …), as exported by older systems.
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && Enum.IsDefined(typeof(T), code))
        {
            value = (T)(object)code;
            return true;
        }
        return false;
    }
}
