using System.Net;
using System.Text.Json.Nodes;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Referrals;

/// <summary>Device home assessments with the 2-3-1 偏瘫, 2-3-2 脑瘫 and 2-3-3 脊髓损伤 question trees, through the API.</summary>
public abstract class FittingSchemeTests(KangfuApp app)
{
    [Fact]
    public async Task Hemiplegia_assessment_is_recorded_and_its_ungated_extra_options_file_cases()
    {
        var (community, c) = await StartAsync();
        var result = await community.ActAsync(c.Id, "home-assessment", Assessment("2-3-1", new()
        {
            ["1"] = "B.否",
            ["1-2-1"] = "B.能",
            ["1-2-2"] = "A.全程搀扶",
            ["1-2-2-1"] = "B.不需要",
            ["2"] = "A.肩膀下沉|C.行走时足拖地",
            ["3"] = "C.独立进食",
            ["4"] = "B.能",
            ["4-1"] = "A.是",
            ["4-2"] = "B.不需要",
            ["5"] = "B.不能",
            ["5-1"] = "B.有，高度较低",
            ["6"] = "C.独立完成",
            ["7"] = "A.否",
            ["8"] = "A.无",
        }, "N", "I"));

        Assert.Equal(CaseState.AwaitingDeviceReview, result.State);
        Assert.Equal(2, result.SpawnedCaseIds.Count);
        var spawned = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(x => result.SpawnedCaseIds.Contains(x.Id)).Select(x => x.Kind).ToListAsync());
        Assert.Equal(new[] { CaseKind.Accessibility, CaseKind.Prosthesis }.Order(), spawned.Order());
        Assert.Equal("2-3-1", (await app.LoadAsync(c.Id)).FittingScheme);
        var data = await RecordedAsync(c.Id);
        Assert.Equal("偏瘫", data["schemeName"]!.GetValue<string>());
        Assert.Equal("A.肩膀下沉|C.行走时足拖地", data["answers"]!["2"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cerebral_palsy_age_comes_from_the_birth_date_and_the_young_branch_has_no_wishes()
    {
        var (community, c) = await StartAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await app.WithDbAsync(db => db.Persons.Where(p => p.Id == c.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BirthDate, today.AddYears(-5))));
        Assert.Equal(5, (await community.GetCaseAsync(c.Id)).PersonAge);
        var young = new Dictionary<string, string>
        {
            ["A1"] = "C.无需辅助能独立完成",
            ["A1-2"] = "C.无需辅助可独坐",
            ["A1-2-1"] = "B.辅助下爬行",
            ["A1-2-1-1"] = "C.能支撑且能维持",
            ["A1-2-1-1-1"] = "C.无需辅助独立完成",
            ["A1-2-1-1-1-1"] = "B.需要辅助",
            ["A2"] = "B.存在畸形",
            ["A2-1"] = "C.下肢畸形",
            ["A3"] = "A.不能",
            ["A3-1"] = "B.短暂抓握，不能维持",
            ["A4"] = "A.不能",
        };

        var refused = await community.TryActAsync(c.Id, "home-assessment", Assessment("2-3-2", new(young) { ["0"] = "B.>7岁" }, "N"));
        var message = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("第0题“年龄”应为“A.≤7岁”", message);
        refused = await community.TryActAsync(c.Id, "home-assessment", Assessment("2-3-2", young, "N"));
        Assert.Contains("2-3-2 脑瘫方案在此情况下没有“最希望解决什么问题”一题", await refused.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(CaseState.HomeAssessing, (await app.LoadAsync(c.Id)).State);

        var result = await community.ActAsync(c.Id, "home-assessment", Assessment("2-3-2", young));
        Assert.Equal(CaseState.AwaitingDeviceReview, result.State);
        Assert.Empty(result.SpawnedCaseIds);
        var answers = (await RecordedAsync(c.Id))["answers"]!;
        Assert.Equal("A.≤7岁", answers["0"]!.GetValue<string>());
        Assert.Equal("C.下肢畸形", answers["A2-1"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cerebral_palsy_over_7_asks_wishes_and_files_the_orthosis_case()
    {
        var (community, c) = await StartAsync();
        var result = await community.ActAsync(c.Id, "home-assessment", Assessment("2-3-2", new()
        {
            ["0"] = "B.>7岁",
            ["B1"] = "A.完全不能",
            ["B1-1"] = "A.完全不能",
            ["B1-1-1"] = "B.短暂抬头，不能维持",
            ["B2"] = "A.不存在畸形",
            ["B3"] = "B.能",
            ["B4"] = "A.不能",
            ["B5"] = "A.不能",
            ["B6"] = "C.听力",
        }, "N", "O"));
        Assert.Equal(CaseState.AwaitingDeviceReview, result.State);
        Assert.Single(result.SpawnedCaseIds);
    }

    [Fact]
    public async Task Spinal_cord_injury_assessment_walks_the_not_bedridden_branch_and_M_files_a_prosthesis_case()
    {
        var (community, c) = await StartAsync();
        var result = await community.ActAsync(c.Id, "home-assessment", Assessment("2-3-3", SpinalWalking(), "M", "A"));

        Assert.Equal(CaseState.AwaitingDeviceReview, result.State);
        var spawned = await app.LoadAsync(Assert.Single(result.SpawnedCaseIds));
        Assert.Equal(CaseKind.Prosthesis, spawned.Kind);
        Assert.Equal("2-3-3", (await app.LoadAsync(c.Id)).FittingScheme);
        Assert.Equal("A.能", (await RecordedAsync(c.Id))["answers"]!["1-7-1"]!.GetValue<string>());
    }

    [Fact]
    public async Task Spinal_cord_injury_refuses_a_hidden_answer_and_an_unanswered_shown_question_naming_them()
    {
        var (community, c) = await StartAsync();
        var answers = SpinalWalking();
        answers.Remove("1-6-1-1");
        answers["1-3"] = "A.能";
        answers["2"] = "D.不知道";

        var message = await (await community.TryActAsync(c.Id, "home-assessment", Assessment("2-3-3", answers))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("请回答第1-6-1-1题：是否能行走", message);
        Assert.Contains("第1-3题“能否控制大小便”不适用于前面的回答", message);
        Assert.Contains("第2题“能否自主进食”的答案无效，可选：A.不能、B.辅助下完成、C.独立完成", message);
        var saved = await app.LoadAsync(c.Id);
        Assert.Equal(CaseState.HomeAssessing, saved.State);
        Assert.Null(saved.FittingScheme);
    }

    private static Dictionary<string, string> SpinalWalking() => new()
    {
        ["1"] = "B.否",
        ["1-4"] = "B.不能",
        ["1-5"] = "A.能",
        ["1-6"] = "A.有",
        ["1-6-1"] = "A.是",
        ["1-6-1-1"] = "A.能",
        ["1-7"] = "A.能",
        ["1-7-1"] = "A.能",
        ["1-7-1-1"] = "B.无",
        ["2"] = "B.辅助下完成",
        ["2-1"] = "A.有",
        ["3"] = "C.独立完成",
        ["4"] = "B.辅助下完成",
        ["5"] = "A.无",
    };

    private static object Assessment(string scheme, Dictionary<string, string> answers, params string[] wishes) => new
    {
        scheme,
        answers,
        wishes,
        deviceCodes = Array.Empty<string>(),
        personSignature = TestPng.Create(),
        staffSignature = TestPng.Create(80, 30),
    };

    private async Task<(HttpClient Community, RehabCase Case)> StartAsync()
    {
        var c = await app.AddCaseAsync(CaseKind.Device, CaseState.AwaitingHomeAssessment);
        var community = await app.LoginAsync("community");
        await community.ActAsync(c.Id, "start-home-assessment");
        return (community, c);
    }

    /// <summary>The data recorded with the home assessment's transition.</summary>
    private async Task<JsonNode> RecordedAsync(Guid caseId)
    {
        var json = await app.WithDbAsync(db => db.CaseTransitions.AsNoTracking()
            .Where(t => t.CaseId == caseId && t.Action == CaseAction.SubmitHomeAssessment).Select(t => t.DataJson).SingleAsync());
        return JsonNode.Parse(json!)!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FittingSchemeTestsSqlite(SqliteApp app) : FittingSchemeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FittingSchemeTestsPostgres(PostgresApp app) : FittingSchemeTests(app);
