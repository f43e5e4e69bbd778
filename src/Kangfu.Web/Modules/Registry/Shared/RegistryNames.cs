namespace Kangfu.Web.Modules.Registry.Shared;

/// <summary>Chinese display names of the registry enums, shared by pages, forms and filters.</summary>
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

    public static string Sex(Sex sex) => sex == Registry.Sex.Male ? "男" : "女";

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
}
