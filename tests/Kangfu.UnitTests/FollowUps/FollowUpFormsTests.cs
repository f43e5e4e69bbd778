using Kangfu.Web.Modules.FollowUps;
using Kangfu.Web.Modules.FollowUps.Rules;
using Kangfu.Web.Modules.Referrals;

namespace Kangfu.UnitTests.FollowUps;

public sealed class FollowUpFormsTests
{
    private static Dictionary<string, List<string>> A(params (string Id, string[] Options)[] answers) =>
        answers.ToDictionary(a => a.Id, a => a.Options.ToList());

    [Theory]
    [InlineData(FollowUpKind.Device1Month, "1", "是否收到辅具：", "A.收到|B.未收到")]
    [InlineData(FollowUpKind.Device1Month, "2", "辅具使用情况：", "还未使用|已经使用")]
    [InlineData(FollowUpKind.Device1Month, "3", "对收到辅具是否满意：", "满意|较满意|不满意")]
    [InlineData(FollowUpKind.Device1Month, "4", "是否需要辅具使用培训：", "需要|不需要")]
    [InlineData(FollowUpKind.Device1Month, "5", "回访方式：", "入户|电话|微信或QQ|其他")]
    [InlineData(FollowUpKind.Device6Month, "1", "辅具使用情况：", "从不|偶尔|经常")]
    [InlineData(FollowUpKind.Device6Month, "2", "对辅具是否满意：", "满意|较满意|不满意")]
    [InlineData(FollowUpKind.Device6Month, "3", "对辅具不满意的原因：", "不会用|不好用|不需要|已损坏")]
    [InlineData(FollowUpKind.Device6Month, "4", "是否需要辅具服务机构提供指导：", "需要|不需要")]
    [InlineData(FollowUpKind.Device6Month, "5", "是否需要对辅具进行维修：", "需要|不需要")]
    [InlineData(FollowUpKind.Device6Month, "6", "回访方式：", "入户（建议）|电话|微信或QQ|其他")]
    [InlineData(FollowUpKind.Service, "1", "是否接受了康复服务？", "A.已接受|B.未接受")]
    [InlineData(FollowUpKind.Service, "2", "对提供的康复服务是否满意：", "满意|较满意|不满意")]
    [InlineData(FollowUpKind.Service, "3", "回访方式：", "入户|电话|微信或QQ|其他")]
    public void Questions_are_worded_as_the_national_module_5(FollowUpKind kind, string id, string text, string options)
    {
        var q = FollowUpForms.For(kind).Questions.Single(x => x.Id == id);
        Assert.Equal(text, q.Text);
        Assert.Equal(options.Split('|'), q.Options);
    }

    [Fact]
    public void Not_received_skips_to_the_method_question()
    {
        var form = FollowUpForms.Device1Month;
        Assert.Empty(FollowUpForms.Validate(form, A(("1", ["B.未收到"]), ("5", ["电话"])), null));
        Assert.Equal(["Answers[2]", "Answers[3]", "Answers[4]"], FollowUpForms.Validate(form, A(("1", ["A.收到"]), ("5", ["电话"])), null).Keys.Order());
    }

    [Fact]
    public void Unsatisfied_opens_the_reasons_which_are_multiple_choice()
    {
        var form = FollowUpForms.Device6Month;
        var happy = A(("1", ["经常"]), ("2", ["满意"]), ("4", ["不需要"]), ("5", ["不需要"]), ("6", ["电话"]));
        Assert.Empty(FollowUpForms.Validate(form, happy, null));
        var unhappy = new Dictionary<string, List<string>>(happy) { ["2"] = ["不满意"] };
        Assert.Equal("请回答第3题：对辅具不满意的原因", FollowUpForms.Validate(form, unhappy, null)["Answers[3]"]);
        unhappy["3"] = ["不会用", "已损坏"];
        Assert.Empty(FollowUpForms.Validate(form, unhappy, null));
        happy["3"] = ["不会用"];
        Assert.Equal("第3题不适用于前面的回答", FollowUpForms.Validate(form, happy, null)["Answers[3]"]);
    }

    [Theory]
    [InlineData("入户（建议）", FollowUpMethod.Home)]
    [InlineData("入户", FollowUpMethod.Home)]
    [InlineData("电话", FollowUpMethod.Phone)]
    [InlineData("微信或QQ", FollowUpMethod.WeChatOrQq)]
    [InlineData("其他", FollowUpMethod.Other)]
    public void Method_answers_map_to_the_method(string option, FollowUpMethod method) => Assert.Equal(method, FollowUpForms.MethodOf(option));

    [Fact]
    public void Seed_rules_give_devices_1_and_6_months_and_every_kind_a_rule()
    {
        var rules = FollowUpRuleSeeder.Read("120116");
        Assert.Equal([1, 6], rules.Where(r => r.CaseKind == CaseKind.Device).OrderBy(r => r.Sequence).Select(r => r.OffsetMonths));
        Assert.All(Enum.GetValues<CaseKind>(), k => Assert.Contains(rules, r => r.CaseKind == k));
        Assert.All(rules.Where(r => r.CaseKind is CaseKind.Prosthesis or CaseKind.Accessibility), r => Assert.Equal("local-1", r.FormVersion));
        Assert.All(rules, r => Assert.True(r.IsEffectiveOn(new DateOnly(2026, 11, 23))));
    }
}
