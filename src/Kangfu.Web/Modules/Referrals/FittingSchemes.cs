using Kangfu.Web.Modules.Organization;

namespace Kangfu.Web.Modules.Referrals;

/// <summary>One question of a fitting scheme: options are "A.有"-style labels; ShownWhen is "questionId=option" of its parent.</summary>
public sealed record SchemeQuestion(string Id, string Text, string[] Options, string? ShownWhen = null);

public sealed record FittingScheme(string Code, string Name, DeviceDirection Direction, IReadOnlyList<SchemeQuestion> Questions);

/// <summary>
/// The fitting schemes of the device home assessment (docs/reference/national-specs.md §4). 2-3-4 肢体综合 is
/// the full question tree of §4.6; the other schemes record their answers as a free list until their trees are added.
/// </summary>
public static class FittingSchemes
{
    private static readonly string[] YesNo = ["A.有", "B.无"];
    private static readonly string[] IsNot = ["A.是", "B.否"];
    private static readonly string[] CanCannot = ["A.能", "B.不能"];
    private static readonly string[] Grip = ["A.双手均无", "B.单手有", "C.双手均有"];
    private static readonly string[] Dressing = ["A.不能", "B.辅助下完成", "C.独立完成"];

    /// <summary>The 18 function tags of 最希望解决什么问题 (2-3-1 Q9, verbatim); M, N and I are the extra options.</summary>
    public static readonly IReadOnlyDictionary<string, string> Wishes = new Dictionary<string, string>
    {
        ["A"] = "轮椅代步",
        ["B"] = "辅助行走",
        ["C"] = "饮食",
        ["D"] = "个人护理",
        ["E"] = "如厕",
        ["F"] = "信息交流",
        ["G"] = "康复训练",
        ["H"] = "防护功能",
        ["I"] = "无障碍环境",
        ["J"] = "操作和使用",
        ["K"] = "位置转移",
        ["L"] = "纠正姿势",
        ["M"] = "假肢",
        ["N"] = "矫形器",
        ["O"] = "助听类",
        ["P"] = "助视类",
        ["Q"] = "洗漱类",
        ["R"] = "穿衣类",
    };

    public static readonly SchemeQuestion[] LimbGeneral =
    [
        new("1", "肢体是否有残缺", YesNo),
        new("2", "是否存在畸形", YesNo),
        new("2-1", "畸形能否用手矫正", CanCannot, "2=A.有"),
        new("3", "是否卧床", IsNot),
        new("3-1", "手能否抓握", Grip, "3=A.是"),
        new("3-2", "能否保持坐位", CanCannot, "3=A.是"),
        new("3-2-1", "能否完成手到嘴的动作", CanCannot, "3=A.是"),
        new("3-3", "能否控制大小便", CanCannot, "3=A.是"),
        new("3-4", "能否行走", ["A.不能", "B.能"], "3=B.否"),
        new("3-4-1", "双手能否将臀部支撑离开椅面", CanCannot, "3-4=A.不能"),
        new("3-4-2", "是否经常自行远距离出行", IsNot, "3-4=A.不能"),
        new("3-4-3", "是否有站立需求", YesNo, "3-4=A.不能"),
        new("3-4-3-1", "能否自行站立", ["A.否", "B.是"], "3-4-3=A.有"),
        new("3-4-4", "能否控制大小便", ["A.不能", "B.能"], "3-4=A.不能"),
        new("3-4-4-1", "能否自行如厕", CanCannot, "3-4-4=B.能"),
        new("3-4-4-1-1", "家中是否有坐便器", YesNo, "3-4-4-1=A.能"),
        new("3-4-5", "手能否抓握", Grip, "3-4=A.不能"),
        new("3-4-5-1", "能否完成手到嘴的动作", CanCannot, "3-4-5=A.双手均无"),
        new("3-4-6", "能否自行穿脱衣物", Dressing, "3-4=A.不能"),
        new("3-4-7", "能否长时间行走", ["A.否", "B.是"], "3-4=B.能"),
        new("3-4-7-1", "手能否抓握", Grip, "3-4-7=A.否"),
        new("3-4-7-2", "是否需要经常出门", ["A.否", "B.是"], "3-4-7=A.否"),
        new("3-4-7-3", "行走时是否需要人搀扶", ["A.全程搀扶", "B.部分搀扶", "C.无需搀扶"], "3-4-7=B.是"),
        new("3-4-7-3-1", "手的抓握能力", Grip, "3-4-7-3=A.全程搀扶"),
        new("3-4-7-3-2", "户外行走是否需要支撑", ["A.较多支撑", "B.较少支撑", "C.无需支撑"], "3-4-7-3=C.无需搀扶"),
        new("3-4-8", "家中是否有坐便器", ["A.无", "B.有"], "3-4=B.能"),
        new("3-4-8-1", "如厕时能否蹲下", ["A.不能", "B.能"], "3-4-8=A.无"),
        new("3-4-8-2", "如厕时起坐是否困难", ["A.困难", "B.不困难"], "3-4-8=B.有"),
        new("3-4-9", "洗浴时，能否长时间站立", CanCannot, "3-4=B.能"),
        new("3-4-10", "进食时，能否双手协调共同进食", CanCannot, "3-4=B.能"),
        new("3-4-10-1", "双手能否握紧勺子", CanCannot, "3-4-10=A.能"),
        new("3-4-11", "能否自行穿脱衣物", Dressing, "3-4=B.能"),
        new("4", "是否存在其他方面残疾", ["A.无", "B.视力", "C.听力", "D.其它"]),
    ];

    public static readonly IReadOnlyList<FittingScheme> All =
    [
        new("2-3-1", "偏瘫", DeviceDirection.Limb, []),
        new("2-3-2", "脑瘫", DeviceDirection.Limb, []),
        new("2-3-3", "脊髓损伤", DeviceDirection.Limb, []),
        new("2-3-4", "肢体综合", DeviceDirection.Limb, LimbGeneral),
        new("hearing", "听力残疾评估", DeviceDirection.Hearing, []),
        new("vision", "视力残疾评估", DeviceDirection.Vision, []),
    ];

    public static FittingScheme? Find(string? code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>Whether a question applies given the answers so far (its parent was answered with the gating option).</summary>
    public static bool IsShown(SchemeQuestion q, IReadOnlyDictionary<string, string> answers)
    {
        if (q.ShownWhen is null)
        {
            return true;
        }
        var parts = q.ShownWhen.Split('=', 2);
        return answers.TryGetValue(parts[0], out var a) && a == parts[1];
    }
}
