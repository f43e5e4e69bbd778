using Kangfu.Web.Modules.Organization;

namespace Kangfu.Web.Modules.Referrals;

/// <summary>
/// One question of a fitting scheme: options are "A.有"-style labels. ShownWhen is "questionId=option" of its parent,
/// or alternatives "a=X|a=Y" (shown when any holds). A Multiple question (（多选）) is answered with its chosen options
/// joined by <see cref="FittingSchemes.ChoiceSeparator"/>; NoneAllowed lets it be answered with no option at all.
/// </summary>
public sealed record SchemeQuestion(string Id, string Text, string[] Options, string? ShownWhen = null, bool Multiple = false, bool NoneAllowed = false);

/// <summary>An extra wish option (M 假肢, N 矫形器) the scheme only offers when a condition on its answers holds.</summary>
public sealed record WishGate(string Wish, string When, string Error);

/// <summary>
/// The age question of a scheme (2-3-2 年龄, “此题能否直接和基本信息关联”): its answer follows from the person's birth date —
/// the first option up to <paramref name="FirstOptionMaxYears"/> completed years, the second above.
/// </summary>
public sealed record AgeQuestion(string Id, int FirstOptionMaxYears);

/// <summary>
/// A fitting scheme. WishesWhen: the condition under which the scheme asks 最希望解决什么问题 (null = always).
/// EveryShownRequired: every question the answers open must be answered (false = only the top-level questions, 2-3-4's
/// original rule).
/// </summary>
public sealed record FittingScheme(
    string Code, string Name, DeviceDirection Direction, IReadOnlyList<SchemeQuestion> Questions,
    string? WishesWhen = null, bool EveryShownRequired = true, IReadOnlyList<WishGate>? WishGates = null, AgeQuestion? Age = null);

/// <summary>
/// The fitting schemes of the device home assessment (docs/reference/national-specs.md §4). 2-3-1 偏瘫 (§4.3),
/// 2-3-2 脑瘫 (§4.4), 2-3-3 脊髓损伤 (§4.5) and 2-3-4 肢体综合 (§4.6) are the full question trees, verbatim. As in
/// 2-3-4, the common header of §4.2 (个人基本信息) is not asked (it comes from the person's record) and 最希望解决什么问题
/// is the separate Wishes list, not a question. The spec's device recommendations per answer are not modelled
/// (the worker enters catalog product codes); the hearing and vision schemes (附件2-1/2-2, not in the folder) record
/// their answers as a free list.
/// </summary>
public static class FittingSchemes
{
    private static readonly string[] YesNo = ["A.有", "B.无"];
    private static readonly string[] IsNot = ["A.是", "B.否"];
    private static readonly string[] CanCannot = ["A.能", "B.不能"];
    private static readonly string[] Grip = ["A.双手均无", "B.单手有", "C.双手均有"];
    private static readonly string[] Dressing = ["A.不能", "B.辅助下完成", "C.独立完成"];
    private static readonly string[] NotCan = ["A.不能", "B.能"];
    private static readonly string[] NoYes = ["A.否", "B.是"];
    private static readonly string[] OtherDisability = ["A.无", "B.视力", "C.听力", "D.其它"];
    private static readonly string[] SitUp = ["A.完全不能", "B.需要辅助完成", "C.无需辅助能独立完成"];
    private static readonly string[] RollOver = ["A.完全不能", "B.需要辅助", "C.无需辅助独立完成"];
    private static readonly string[] HeadUp = ["A.完全不能", "B.短暂抬头，不能维持", "C.能抬头且能维持"];
    private static readonly string[] KeepSitting = ["A.完全不能", "B.辅助下可维持", "C.无需辅助可独坐"];
    private static readonly string[] StandUp = ["A.完全不能", "B.需要辅助", "C.无需辅助独立完成"];
    private static readonly string[] KeepStanding = ["A.完全不能", "B.需要辅助", "C.无需辅助可独站"];
    private static readonly string[] Deformity = ["A.不存在畸形", "B.存在畸形"];
    private static readonly string[] DeformityParts = ["A.上肢畸形", "B.躯干畸形", "C.下肢畸形"];
    private static readonly string[] Grasp = ["A.完全不能", "B.短暂抓握，不能维持", "C.能抓握且维持"];

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
        new("4", "是否存在其他方面残疾", OtherDisability),
    ];

    /// <summary>2-3-1 偏瘫部分网上适配方案 (§4.3); Q9 最希望解决什么问题 is the Wishes list (M, N, I ungated).</summary>
    public static readonly SchemeQuestion[] Hemiplegia =
    [
        new("1", "是否卧床", IsNot),
        new("1-1-1", "能否翻身", NotCan, "1=A.是"),
        new("1-1-2", "能否坐起", NotCan, "1=A.是"),
        new("1-1-3", "能否控制大小便", NotCan, "1=A.是"),
        new("1-2-1", "能否行走", NotCan, "1=B.否"),
        new("1-2-1-1", "能否辅助下移动入厕", NotCan, "1-2-1=A.不能"),
        new("1-2-1-2", "是否有压疮", ["A.无", "B.曾经有，已愈合", "C.有"], "1-2-1=A.不能"),
        new("1-2-1-3", "能否站立进行床-椅转移", ["A.不能", "B.需要辅助", "C.独立站立转移"], "1-2-1=A.不能"),
        new("1-2-2", "行走时是否需要搀扶", ["A.全程搀扶", "B.部分搀扶", "C.无需搀扶"], "1-2-1=B.能"),
        new("1-2-2-1", "起坐是否需要搀扶", ["A.需要", "B.不需要"], "1-2-2=A.全程搀扶"),
        // The spec offers no "none" option for Q2, so it may be answered with no deformity chosen.
        new("2", "患侧肢体畸形状况（多选）", ["A.肩膀下沉", "B.手指被动伸展", "C.行走时足拖地"], Multiple: true, NoneAllowed: true),
        new("3", "能否自行进食", ["A.不能", "B.需要辅助", "C.独立进食"]),
        new("4", "能否自行洗浴", NotCan),
        new("4-1", "是否站立洗浴", IsNot, "4=B.能"),
        // Gap item 23: 4-2 sits under Q4 = B by indentation only, not by explicit text.
        new("4-2", "是否需要洗浴类自助具", ["A.需要", "B.不需要"], "4=B.能"),
        new("5", "自行如厕时，是否下蹲", ["A.能", "B.不能"]),
        new("5-1", "家中是否有坐便器（单选）", ["A.有，且高度合适", "B.有，高度较低", "C.无"], "5=B.不能"),
        // Gap item 23: option C (独立完成) has no outcome in the spec (read as 无).
        new("6", "能否自行穿脱衣物", Dressing),
        new("7", "是否经常需要够拾远处物品", NoYes),
        new("8", "是否存在其他方面残疾", OtherDisability),
    ];

    /// <summary>
    /// 2-3-2 脑瘫部分网上适配方案 (§4.4). Question 0 is 年龄; the ≤7岁 branch's questions are numbered "A1"…, the
    /// &gt;7岁 branch's "B1"… (the spec numbers both 1–7). Only the &gt;7岁 branch has Q7 最希望解决什么问题.
    /// </summary>
    public static readonly SchemeQuestion[] CerebralPalsy =
    [
        new("0", "年龄", ["A.≤7岁", "B.>7岁"]),
        // ≤7岁 (Q1–Q4). Gap item 22: this branch has no 是否存在其他方面残疾 and no 最希望解决什么问题 question.
        new("A1", "能否完成“坐起”动作", SitUp, "0=A.≤7岁"),
        new("A1-1", "能否翻身", RollOver, "A1=A.完全不能"),
        new("A1-1-1", "能否抬头", HeadUp, "A1-1=A.完全不能"),
        new("A1-2", "能否维持坐位", KeepSitting, "A1=B.需要辅助完成|A1=C.无需辅助能独立完成"),
        // Gap item 23: 1-2-1 option C (独立爬行) has no outcome and no follow-up question in the spec.
        new("A1-2-1", "能否爬", ["A.完全不能", "B.辅助下爬行", "C.独立爬行"], "A1-2=C.无需辅助可独坐"),
        new("A1-2-1-1", "能否进行手、肘支撑", ["A.完全不能", "B.短暂支撑，不能维持", "C.能支撑且能维持"], "A1-2-1=A.完全不能|A1-2-1=B.辅助下爬行"),
        new("A1-2-1-1-1", "能否完成“站起”动作", StandUp, "A1-2-1-1=C.能支撑且能维持"),
        new("A1-2-1-1-1-1", "能否维持站立", KeepStanding, "A1-2-1-1-1=C.无需辅助独立完成"),
        new("A2", "是否存在畸形", Deformity, "0=A.≤7岁"),
        new("A2-1", "存在畸形部位（多选）", DeformityParts, "A2=B.存在畸形", Multiple: true),
        new("A3", "能否够独立进食、饮水", NotCan, "0=A.≤7岁"),
        new("A3-1", "双手是否能够抓握", Grasp, "A3=A.不能"),
        new("A4", "能否独立上厕所", NotCan, "0=A.≤7岁"),
        // >7岁 (Q1–Q7; Q7 is the Wishes list).
        new("B1", "能否完成“坐起”动作", SitUp, "0=B.>7岁"),
        new("B1-1", "能否翻身", RollOver, "B1=A.完全不能"),
        new("B1-1-1", "是否能抬头", HeadUp, "B1-1=A.完全不能"),
        new("B1-2", "能否维持坐位", KeepSitting, "B1=B.需要辅助完成|B1=C.无需辅助能独立完成"),
        new("B1-2-1", "能否完成“站起”动作", StandUp, "B1-2=C.无需辅助可独坐"),
        new("B1-2-1-1", "能否维持站立", KeepStanding, "B1-2-1=C.无需辅助独立完成"),
        new("B1-2-1-1-1", "能否行走", ["A.完全不能", "B.需要较多辅助", "C.需要较少辅助", "D.无需辅助独立行走"], "B1-2-1-1=C.无需辅助可独站"),
        new("B2", "是否存在畸形", Deformity, "0=B.>7岁"),
        new("B2-1", "存在畸形部位（多选）", DeformityParts, "B2=B.存在畸形", Multiple: true),
        new("B3", "能否够独立进食、饮水", NotCan, "0=B.>7岁"),
        new("B3-1", "双手是否能够抓握（单选）", Grasp, "B3=A.不能"),
        new("B4", "能否独立上厕所", NotCan, "0=B.>7岁"),
        new("B5", "洗浴时是否能站立", NotCan, "0=B.>7岁"),
        new("B6", "是否存在其他方面残疾", OtherDisability, "0=B.>7岁"),
    ];

    /// <summary>2-3-3 脊髓损伤部分网上适配方案 (§4.5); Q6 最希望解决什么问题 is the Wishes list (M, N, I ungated).</summary>
    public static readonly SchemeQuestion[] SpinalCordInjury =
    [
        new("1", "是否卧床", IsNot),
        new("1-1", "双手是否具有抓握能力", IsNot, "1=A.是"),
        new("1-2", "能否保持坐位", CanCannot, "1=A.是"),
        // Gap item 23: 能否控制大小便 is asked twice (1-3 when bedridden, 1-7 when not); the branches exclude each other.
        new("1-3", "能否控制大小便", CanCannot, "1=A.是"),
        new("1-4", "双手支撑能否使臀部离开椅面", CanCannot, "1=B.否"),
        new("1-5", "能否经常自行远距离出行", ["A.能", "B.否"], "1=B.否"),
        new("1-6", "是否有站立需求", YesNo, "1=B.否"),
        new("1-6-1", "能否自行站立", IsNot, "1-6=A.有"),
        new("1-6-1-1", "是否能行走", CanCannot, "1-6-1=A.是"),
        new("1-7", "能否控制大小便", CanCannot, "1=B.否"),
        new("1-7-1", "能否自行如厕", CanCannot, "1-7=A.能"),
        new("1-7-1-1", "家中是否有坐便器（单选）", YesNo, "1-7-1=A.能"),
        new("2", "能否自主进食", Dressing),
        new("2-1", "手部是否有畸形", YesNo, "2=B.辅助下完成"),
        new("3", "能否自主洗浴", Dressing),
        new("4", "能否自行穿脱衣物", Dressing),
        new("5", "是否存在其他方面残疾", OtherDisability),
    ];

    /// <summary>Separator of the chosen options of a Multiple question's answer.</summary>
    public const string ChoiceSeparator = "|";

    public static readonly IReadOnlyList<FittingScheme> All =
    [
        new("2-3-1", "偏瘫", DeviceDirection.Limb, Hemiplegia),
        new("2-3-2", "脑瘫", DeviceDirection.Limb, CerebralPalsy, WishesWhen: "0=B.>7岁", Age: new AgeQuestion("0", 7)),
        new("2-3-3", "脊髓损伤", DeviceDirection.Limb, SpinalCordInjury),
        new("2-3-4", "肢体综合", DeviceDirection.Limb, LimbGeneral, EveryShownRequired: false, WishGates:
        [
            new("M", "1=A.有", "肢体无残缺时不能选择“假肢”"),
            new("N", "2-1=A.能", "畸形不能用手矫正时不能选择“矫形器”"),
        ]),
        new("hearing", "听力残疾评估", DeviceDirection.Hearing, []),
        new("vision", "视力残疾评估", DeviceDirection.Vision, []),
    ];

    public static FittingScheme? Find(string? code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>Whether a question applies given the answers so far (its parent was answered with a gating option).</summary>
    public static bool IsShown(SchemeQuestion q, IReadOnlyDictionary<string, string> answers) => Holds(q.ShownWhen, answers);

    /// <summary>
    /// The questions the answers open, transitively: a question is shown when a gating answer belongs to a question that
    /// is itself shown (questions are listed parents first).
    /// </summary>
    public static IReadOnlySet<string> ShownQuestions(FittingScheme scheme, IReadOnlyDictionary<string, string> answers)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in scheme.Questions.Where(q => Holds(q.ShownWhen, answers, shown.Contains)))
        {
            shown.Add(q.Id);
        }
        return shown;
    }

    /// <summary>Whether the scheme asks 最希望解决什么问题 given the answers.</summary>
    public static bool AsksWishes(FittingScheme scheme, IReadOnlyDictionary<string, string> answers) => Holds(scheme.WishesWhen, answers);

    /// <summary>A condition "id=option", or alternatives "a=X|b=Y" (any holds); null always holds.</summary>
    public static bool Holds(string? condition, IReadOnlyDictionary<string, string> answers) => Holds(condition, answers, _ => true);

    /// <summary>As <see cref="Holds(string?, IReadOnlyDictionary{string, string})"/>, counting only the answers of the parents that apply.</summary>
    private static bool Holds(string? condition, IReadOnlyDictionary<string, string> answers, Func<string, bool> applies) =>
        condition is null || condition.Split('|').Any(alternative =>
        {
            var parts = alternative.Split('=', 2);
            return applies(parts[0]) && answers.TryGetValue(parts[0], out var a) && a == parts[1];
        });

    /// <summary>The options chosen in an answer (a Multiple question's answer lists them, <see cref="ChoiceSeparator"/>-joined).</summary>
    public static IReadOnlyList<string> Choices(SchemeQuestion q, string answer) =>
        q.Multiple ? answer.Split(ChoiceSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [answer];

    /// <summary>Whether the answer uses only the question's options: one for a single-choice question, distinct ones otherwise.</summary>
    public static bool IsValidAnswer(SchemeQuestion q, string? answer)
    {
        if (answer is null)
        {
            return false;
        }
        var choices = Choices(q, answer);
        return choices.All(q.Options.Contains) && choices.Distinct().Count() == choices.Count
            && (q.Multiple ? choices.Count > 0 || q.NoneAllowed : choices.Count == 1);
    }

    /// <summary>
    /// Every answer must be one of its question's options and belong to a question the other answers open; every
    /// shown question must be answered (2-3-4: only the top-level ones). An age question follows the birth date
    /// (ageYears; filled in when left out). Problems go to errors under "Answers[id]", in Chinese.
    /// </summary>
    public static void CheckAnswers(FittingScheme scheme, Dictionary<string, string> answers, int? ageYears, Dictionary<string, string> errors)
    {
        if (scheme.Age is { } age && ageYears is { } years)
        {
            var expected = AgeAnswer(scheme, years);
            if (!answers.TryAdd(age.Id, expected) && answers[age.Id] != expected)
            {
                errors[$"Answers[{age.Id}]"] = $"第{age.Id}题“年龄”应为“{expected}”（按出生日期，评估时{years}岁）";
            }
        }
        var shown = ShownQuestions(scheme, answers);
        foreach (var (id, answer) in answers)
        {
            var q = scheme.Questions.FirstOrDefault(x => x.Id == id);
            if (q is null)
            {
                errors[$"Answers[{id}]"] = $"{scheme.Code} {scheme.Name}方案没有第{id}题";
            }
            else if (!IsValidAnswer(q, answer))
            {
                errors.TryAdd($"Answers[{id}]", $"第{id}题“{q.Text}”的答案无效，可选：{string.Join("、", q.Options)}{(q.Multiple ? "（可多选）" : "")}");
            }
            else if (!shown.Contains(q.Id))
            {
                errors[$"Answers[{id}]"] = $"第{id}题“{q.Text}”不适用于前面的回答";
            }
        }
        // A （多选） question that allows no choice is answered "none" by leaving it out.
        foreach (var q in scheme.Questions.Where(q => (scheme.EveryShownRequired || q.ShownWhen is null) && !q.NoneAllowed && !answers.ContainsKey(q.Id)))
        {
            if (shown.Contains(q.Id))
            {
                errors[$"Answers[{q.Id}]"] = $"请回答第{q.Id}题：{q.Text}";
            }
        }
    }

    /// <summary>The answer of an age question for a person of the given completed years.</summary>
    public static string AgeAnswer(FittingScheme scheme, int years)
    {
        var q = scheme.Questions.First(x => x.Id == scheme.Age!.Id);
        return years <= scheme.Age!.FirstOptionMaxYears ? q.Options[0] : q.Options[1];
    }
}
