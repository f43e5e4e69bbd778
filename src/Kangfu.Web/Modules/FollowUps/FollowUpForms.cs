namespace Kangfu.Web.Modules.FollowUps;

/// <summary>One question of a follow-up form: shown only when an earlier answer opens it.</summary>
public sealed record FollowUpQuestion(string Id, string Text, string[] Options, bool Multiple = false, string? ShownWhenId = null, string[]? ShownWhen = null)
{
    public bool IsShown(IReadOnlyDictionary<string, List<string>> answers) =>
        ShownWhenId is null || (answers.TryGetValue(ShownWhenId, out var a) && a.Any(x => ShownWhen!.Contains(x)));
}

public sealed record FollowUpForm(FollowUpKind Kind, string Title, IReadOnlyList<FollowUpQuestion> Questions)
{
    /// <summary>The last question of every national form is 回访方式.</summary>
    public FollowUpQuestion MethodQuestion => Questions[^1];
}

/// <summary>
/// The module-5 forms, worded exactly as the national specification (docs/reference/national-specs.md §7.1, §7.2).
/// These are the official form texts, not rules: timing lives in <see cref="FollowUpRule"/>.
/// </summary>
public static class FollowUpForms
{
    public const string Other = "其他";
    private static readonly string[] Satisfaction = ["满意", "较满意", "不满意"];
    private static readonly string[] Need = ["需要", "不需要"];

    public static readonly FollowUpForm Device1Month = new(FollowUpKind.Device1Month, "回访1：辅具发放工作结束1个月后",
    [
        new("1", "是否收到辅具：", ["A.收到", "B.未收到"]),
        new("2", "辅具使用情况：", ["还未使用", "已经使用"], ShownWhenId: "1", ShownWhen: ["A.收到"]),
        new("3", "对收到辅具是否满意：", Satisfaction, ShownWhenId: "1", ShownWhen: ["A.收到"]),
        new("4", "是否需要辅具使用培训：", Need, ShownWhenId: "1", ShownWhen: ["A.收到"]),
        new("5", "回访方式：", ["入户", "电话", "微信或QQ", Other]),
    ]);

    public static readonly FollowUpForm Device6Month = new(FollowUpKind.Device6Month, "回访2：辅具发放工作结束6个月后",
    [
        new("1", "辅具使用情况：", ["从不", "偶尔", "经常"]),
        new("2", "对辅具是否满意：", Satisfaction),
        new("3", "对辅具不满意的原因：", ["不会用", "不好用", "不需要", "已损坏"], Multiple: true, ShownWhenId: "2", ShownWhen: ["不满意"]),
        new("4", "是否需要辅具服务机构提供指导：", Need),
        new("5", "是否需要对辅具进行维修：", Need),
        new("6", "回访方式：", ["入户（建议）", "电话", "微信或QQ", Other]),
    ]);

    public static readonly FollowUpForm Service = new(FollowUpKind.Service, "康复服务回访",
    [
        new("1", "是否接受了康复服务？", ["A.已接受", "B.未接受"]),
        new("2", "对提供的康复服务是否满意：", Satisfaction, ShownWhenId: "1", ShownWhen: ["A.已接受"]),
        new("3", "回访方式：", ["入户", "电话", "微信或QQ", Other]),
    ]);

    public static FollowUpForm For(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Device1Month => Device1Month,
        FollowUpKind.Device6Month => Device6Month,
        _ => Service,
    };

    public static string KindName(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Device1Month => "回访1（1个月）",
        FollowUpKind.Device6Month => "回访2（6个月）",
        _ => "康复服务回访",
    };

    public static string MethodName(FollowUpMethod m) => m switch
    {
        FollowUpMethod.Home => "入户",
        FollowUpMethod.Phone => "电话",
        FollowUpMethod.WeChatOrQq => "微信或QQ",
        _ => Other,
    };

    /// <summary>The method the 回访方式 answer names (入户（建议） is 入户).</summary>
    public static FollowUpMethod MethodOf(string option) => option switch
    {
        _ when option.StartsWith("入户", StringComparison.Ordinal) => FollowUpMethod.Home,
        "电话" => FollowUpMethod.Phone,
        "微信或QQ" => FollowUpMethod.WeChatOrQq,
        _ => FollowUpMethod.Other,
    };

    /// <summary>
    /// Field errors of an answer set (question id → Chinese message): unknown or extra questions, options not on the
    /// form, several options on a single-choice question, unanswered questions that are shown, 其他 without its text.
    /// </summary>
    public static Dictionary<string, string> Validate(FollowUpForm form, IReadOnlyDictionary<string, List<string>> answers, string? methodDetail)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, chosen) in answers)
        {
            var q = form.Questions.FirstOrDefault(x => x.Id == id);
            if (q is null)
            {
                errors[$"Answers[{id}]"] = $"“{form.Title}”没有第{id}题";
            }
            else if (chosen.Count == 0 && q.IsShown(answers))
            {
                errors[$"Answers[{id}]"] = $"请回答第{id}题：{q.Text.TrimEnd('：', '？')}";
            }
            else if (chosen.FirstOrDefault(o => !q.Options.Contains(o)) is { } bad)
            {
                errors[$"Answers[{id}]"] = $"第{id}题“{q.Text.TrimEnd('：', '？')}”没有选项“{bad}”，可选：{string.Join("、", q.Options)}";
            }
            else if (chosen.Count > 1 && !q.Multiple)
            {
                errors[$"Answers[{id}]"] = $"第{id}题“{q.Text.TrimEnd('：', '？')}”只能选一项";
            }
            else if (chosen.Count > 0 && !q.IsShown(answers))
            {
                errors[$"Answers[{id}]"] = $"第{id}题不适用于前面的回答";
            }
        }
        foreach (var q in form.Questions.Where(q => q.IsShown(answers) && !answers.ContainsKey(q.Id)))
        {
            errors[$"Answers[{q.Id}]"] = $"请回答第{q.Id}题：{q.Text.TrimEnd('：', '？')}";
        }
        if (answers.GetValueOrDefault(form.MethodQuestion.Id) is [Other] && string.IsNullOrWhiteSpace(methodDetail))
        {
            errors["MethodDetail"] = "回访方式为“其他”时请填写具体方式";
        }
        return errors;
    }
}
