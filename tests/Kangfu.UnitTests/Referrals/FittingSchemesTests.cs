using Kangfu.Web.Modules.Referrals;

namespace Kangfu.UnitTests.Referrals;

/// <summary>The question trees of 2-3-1 偏瘫, 2-3-2 脑瘫 and 2-3-3 脊髓损伤 (national-specs §4.3–§4.5) and their skip logic.</summary>
public sealed class FittingSchemesTests
{
    private static FittingScheme Scheme(string code) => FittingSchemes.Find(code)!;

    private static SchemeQuestion Q(string code, string id) => Scheme(code).Questions.Single(q => q.Id == id);

    private static Dictionary<string, string> Check(string code, Dictionary<string, string> answers, int? age = null)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        FittingSchemes.CheckAnswers(Scheme(code), answers, age, errors);
        return errors;
    }

    /// <summary>The questions shown for the answers, in order.</summary>
    private static string[] Shown(string code, Dictionary<string, string> answers)
    {
        var shown = FittingSchemes.ShownQuestions(Scheme(code), answers);
        return Scheme(code).Questions.Where(q => shown.Contains(q.Id)).Select(q => q.Id).ToArray();
    }

    [Theory]
    [InlineData("2-3-1", "1", "是否卧床", "A.是|B.否", null)]
    [InlineData("2-3-1", "1-2-1-2", "是否有压疮", "A.无|B.曾经有，已愈合|C.有", "1-2-1=A.不能")]
    [InlineData("2-3-1", "1-2-1-3", "能否站立进行床-椅转移", "A.不能|B.需要辅助|C.独立站立转移", "1-2-1=A.不能")]
    [InlineData("2-3-1", "2", "患侧肢体畸形状况（多选）", "A.肩膀下沉|B.手指被动伸展|C.行走时足拖地", null)]
    [InlineData("2-3-1", "5-1", "家中是否有坐便器（单选）", "A.有，且高度合适|B.有，高度较低|C.无", "5=B.不能")]
    [InlineData("2-3-1", "8", "是否存在其他方面残疾", "A.无|B.视力|C.听力|D.其它", null)]
    [InlineData("2-3-2", "0", "年龄", "A.≤7岁|B.>7岁", null)]
    [InlineData("2-3-2", "A1", "能否完成“坐起”动作", "A.完全不能|B.需要辅助完成|C.无需辅助能独立完成", "0=A.≤7岁")]
    [InlineData("2-3-2", "A1-2-1", "能否爬", "A.完全不能|B.辅助下爬行|C.独立爬行", "A1-2=C.无需辅助可独坐")]
    [InlineData("2-3-2", "A1-2-1-1-1-1", "能否维持站立", "A.完全不能|B.需要辅助|C.无需辅助可独站", "A1-2-1-1-1=C.无需辅助独立完成")]
    [InlineData("2-3-2", "A1-1-1", "能否抬头", "A.完全不能|B.短暂抬头，不能维持|C.能抬头且能维持", "A1-1=A.完全不能")]
    [InlineData("2-3-2", "B1-1-1", "是否能抬头", "A.完全不能|B.短暂抬头，不能维持|C.能抬头且能维持", "B1-1=A.完全不能")]
    [InlineData("2-3-2", "B1-2-1-1-1", "能否行走", "A.完全不能|B.需要较多辅助|C.需要较少辅助|D.无需辅助独立行走", "B1-2-1-1=C.无需辅助可独站")]
    [InlineData("2-3-2", "B3-1", "双手是否能够抓握（单选）", "A.完全不能|B.短暂抓握，不能维持|C.能抓握且维持", "B3=A.不能")]
    [InlineData("2-3-2", "B5", "洗浴时是否能站立", "A.不能|B.能", "0=B.>7岁")]
    [InlineData("2-3-3", "1-4", "双手支撑能否使臀部离开椅面", "A.能|B.不能", "1=B.否")]
    [InlineData("2-3-3", "1-5", "能否经常自行远距离出行", "A.能|B.否", "1=B.否")]
    [InlineData("2-3-3", "1-6-1-1", "是否能行走", "A.能|B.不能", "1-6-1=A.是")]
    [InlineData("2-3-3", "1-7-1-1", "家中是否有坐便器（单选）", "A.有|B.无", "1-7-1=A.能")]
    [InlineData("2-3-3", "2-1", "手部是否有畸形", "A.有|B.无", "2=B.辅助下完成")]
    [InlineData("2-3-3", "3", "能否自主洗浴", "A.不能|B.辅助下完成|C.独立完成", null)]
    public void Questions_are_the_spec_text(string code, string id, string text, string options, string? shownWhen)
    {
        var q = Q(code, id);
        Assert.Equal(text, q.Text);
        Assert.Equal(options.Split('|'), q.Options);
        Assert.Equal(shownWhen, q.ShownWhen);
    }

    [Theory]
    [InlineData("2-3-1", 20)]
    [InlineData("2-3-2", 28)]
    [InlineData("2-3-3", 17)]
    [InlineData("2-3-4", 33)]
    public void Trees_are_complete_and_every_condition_names_an_earlier_question_and_its_option(string code, int count)
    {
        var questions = Scheme(code).Questions;
        Assert.Equal(count, questions.Count);
        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct().Count());
        for (var i = 0; i < questions.Count; i++)
        {
            foreach (var alternative in questions[i].ShownWhen?.Split('|') ?? [])
            {
                var (parent, option) = (alternative.Split('=')[0], alternative.Split('=', 2)[1]);
                var p = questions.Take(i).Single(q => q.Id == parent);
                Assert.Contains(option, p.Options);
            }
        }
    }

    [Fact]
    public void Hemiplegia_bedridden_and_walking_branches_open_their_own_questions()
    {
        Assert.Equal(["1", "1-1-1", "1-1-2", "1-1-3", "2", "3", "4", "5", "6", "7", "8"], Shown("2-3-1", new() { ["1"] = "A.是" }));
        Assert.Equal(["1", "1-2-1", "1-2-1-1", "1-2-1-2", "1-2-1-3", "2", "3", "4", "5", "6", "7", "8"],
            Shown("2-3-1", new() { ["1"] = "B.否", ["1-2-1"] = "A.不能" }));
        Assert.Equal(["1", "1-2-1", "1-2-2", "1-2-2-1", "2", "3", "4", "4-1", "4-2", "5", "5-1", "6", "7", "8"],
            Shown("2-3-1", new() { ["1"] = "B.否", ["1-2-1"] = "B.能", ["1-2-2"] = "A.全程搀扶", ["4"] = "B.能", ["5"] = "B.不能" }));
    }

    [Fact]
    public void Hemiplegia_deformity_is_multiple_choice_and_may_be_left_without_a_choice()
    {
        var answers = Complete231();
        answers.Remove("2");
        Assert.Empty(Check("2-3-1", answers));
        answers["2"] = "A.肩膀下沉|C.行走时足拖地";
        Assert.Empty(Check("2-3-1", answers));
        answers["2"] = "A.肩膀下沉|A.肩膀下沉";
        Assert.StartsWith("第2题“患侧肢体畸形状况（多选）”的答案无效", Check("2-3-1", answers)["Answers[2]"]);
        Assert.False(FittingSchemes.IsValidAnswer(Q("2-3-1", "1"), "A.是|B.否"));
    }

    [Fact]
    public void Every_shown_question_must_be_answered_and_hidden_ones_must_not()
    {
        var answers = Complete231();
        answers.Remove("1-1-2");
        answers["1-2-1"] = "B.能";
        var errors = Check("2-3-1", answers);
        Assert.Equal("请回答第1-1-2题：能否坐起", errors["Answers[1-1-2]"]);
        Assert.Equal("第1-2-1题“能否行走”不适用于前面的回答", errors["Answers[1-2-1]"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Cerebral_palsy_age_follows_the_birth_date_and_picks_the_branch()
    {
        var young = new Dictionary<string, string> { ["A1"] = "C.无需辅助能独立完成", ["A1-2"] = "C.无需辅助可独坐", ["A1-2-1"] = "C.独立爬行", ["A2"] = "A.不存在畸形", ["A3"] = "B.能", ["A4"] = "B.能" };
        Assert.Empty(Check("2-3-2", young, age: 7));
        Assert.Equal("A.≤7岁", young["0"]);
        Assert.False(FittingSchemes.AsksWishes(Scheme("2-3-2"), young));

        var wrongAge = Check("2-3-2", new Dictionary<string, string>(young), age: 8);
        Assert.Equal("第0题“年龄”应为“B.>7岁”（按出生日期，评估时8岁）", wrongAge["Answers[0]"]);
        Assert.Single(wrongAge);
        var derived = new Dictionary<string, string>(young);
        derived.Remove("0");
        var olderBranch = Check("2-3-2", derived, age: 8);
        Assert.Equal("B.>7岁", derived["0"]);
        Assert.Equal("第A1题“能否完成“坐起”动作”不适用于前面的回答", olderBranch["Answers[A1]"]);
        Assert.Equal("请回答第B1题：能否完成“坐起”动作", olderBranch["Answers[B1]"]);

        var older = new Dictionary<string, string>
        {
            ["B1"] = "B.需要辅助完成",
            ["B1-2"] = "C.无需辅助可独坐",
            ["B1-2-1"] = "C.无需辅助独立完成",
            ["B1-2-1-1"] = "C.无需辅助可独站",
            ["B1-2-1-1-1"] = "C.需要较少辅助",
            ["B2"] = "B.存在畸形",
            ["B2-1"] = "A.上肢畸形|C.下肢畸形",
            ["B3"] = "B.能",
            ["B4"] = "A.不能",
            ["B5"] = "B.能",
            ["B6"] = "A.无",
        };
        Assert.Empty(Check("2-3-2", older, age: 12));
        Assert.True(FittingSchemes.AsksWishes(Scheme("2-3-2"), older));
    }

    [Fact]
    public void Cerebral_palsy_alternative_parents_open_1_2_and_crawling_C_ends_the_branch()
    {
        var under7 = new Dictionary<string, string> { ["0"] = "A.≤7岁" };
        Assert.DoesNotContain("A1-2", Shown("2-3-2", new(under7) { ["A1"] = "A.完全不能" }));
        Assert.Contains("A1-2", Shown("2-3-2", new(under7) { ["A1"] = "B.需要辅助完成" }));
        Assert.Contains("A1-2", Shown("2-3-2", new(under7) { ["A1"] = "C.无需辅助能独立完成" }));
        Assert.Contains("A1-2-1-1", Shown("2-3-2", new(under7) { ["A1"] = "C.无需辅助能独立完成", ["A1-2"] = "C.无需辅助可独坐", ["A1-2-1"] = "B.辅助下爬行" }));
        // Gap item 23: 独立爬行 has no outcome, so nothing follows it.
        Assert.DoesNotContain("A1-2-1-1", Shown("2-3-2", new(under7) { ["A1"] = "C.无需辅助能独立完成", ["A1-2"] = "C.无需辅助可独坐", ["A1-2-1"] = "C.独立爬行" }));
        // Gap item 22: the ≤7 branch has no other-disability question.
        Assert.DoesNotContain(Shown("2-3-2", under7), id => Q("2-3-2", id).Text == "是否存在其他方面残疾");
    }

    [Fact]
    public void Cerebral_palsy_without_a_birth_date_needs_the_age_answered()
    {
        Assert.Equal("请回答第0题：年龄", Check("2-3-2", [])["Answers[0]"]);
    }

    [Fact]
    public void Spinal_cord_injury_asks_continence_in_the_branch_taken_only()
    {
        Assert.Equal(["1", "1-1", "1-2", "1-3", "2", "3", "4", "5"], Shown("2-3-3", new() { ["1"] = "A.是" }));
        Assert.Equal(["1", "1-4", "1-5", "1-6", "1-6-1", "1-6-1-1", "1-7", "1-7-1", "1-7-1-1", "2", "2-1", "3", "4", "5"],
            Shown("2-3-3", new() { ["1"] = "B.否", ["1-6"] = "A.有", ["1-6-1"] = "A.是", ["1-7"] = "A.能", ["1-7-1"] = "A.能", ["2"] = "B.辅助下完成" }));
        var errors = Check("2-3-3", new() { ["1"] = "B.否", ["1-3"] = "A.能", ["2"] = "C.独立完成", ["3"] = "C.独立完成", ["4"] = "C.独立完成", ["5"] = "A.无" });
        Assert.Equal("第1-3题“能否控制大小便”不适用于前面的回答", errors["Answers[1-3]"]);
        Assert.Equal("请回答第1-7题：能否控制大小便", errors["Answers[1-7]"]);
        Assert.Equal("请回答第1-4题：双手支撑能否使臀部离开椅面", errors["Answers[1-4]"]);
    }

    [Fact]
    public void Limb_general_keeps_its_rules_top_level_answers_only_and_the_M_N_gates()
    {
        var scheme = Scheme("2-3-4");
        Assert.False(scheme.EveryShownRequired);
        Assert.Empty(Check("2-3-4", new() { ["1"] = "A.有", ["2"] = "B.无", ["3"] = "B.否", ["3-4"] = "A.不能", ["4"] = "A.无" }));
        Assert.Equal(["M", "N"], scheme.WishGates!.Select(g => g.Wish));
        Assert.All([Scheme("2-3-1"), Scheme("2-3-3")], s => Assert.Null(s.WishGates));
        Assert.True(FittingSchemes.IsShown(Q("2-3-4", "3-4-1"), new Dictionary<string, string> { ["3-4"] = "A.不能" }));
        Assert.False(FittingSchemes.IsShown(Q("2-3-4", "3-4-1"), new Dictionary<string, string> { ["3-4"] = "B.能" }));
        // A child of a hidden question is hidden too.
        Assert.DoesNotContain("3-4-1", FittingSchemes.ShownQuestions(scheme, new Dictionary<string, string> { ["3"] = "A.是", ["3-4"] = "A.不能" }));
    }

    [Fact]
    public void Unknown_questions_and_options_are_named()
    {
        var errors = Check("2-3-3", new() { ["9"] = "A.是", ["1"] = "C.也许" });
        Assert.Equal("2-3-3 脊髓损伤方案没有第9题", errors["Answers[9]"]);
        Assert.Equal("第1题“是否卧床”的答案无效，可选：A.是、B.否", errors["Answers[1]"]);
    }

    /// <summary>A complete bedridden 2-3-1 answer set.</summary>
    internal static Dictionary<string, string> Complete231() => new()
    {
        ["1"] = "A.是",
        ["1-1-1"] = "A.不能",
        ["1-1-2"] = "B.能",
        ["1-1-3"] = "B.能",
        ["2"] = "B.手指被动伸展",
        ["3"] = "B.需要辅助",
        ["4"] = "A.不能",
        ["5"] = "A.能",
        ["6"] = "C.独立完成",
        ["7"] = "B.是",
        ["8"] = "A.无",
    };
}
