using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Modules.Surveys.FillIntake;
using Kangfu.Web.Platform;
using Microsoft.EntityFrameworkCore;
using static Kangfu.IntegrationTests.Surveys.IntakeCatalog;

namespace Kangfu.IntegrationTests.Surveys;

/// <summary>The home intake form through its API: validation, one transaction of routing (conditions 1–3), withdrawal.</summary>
public abstract class IntakeTests(KangfuApp app)
{
    private static DateOnly Today => TimeProvider.System.Today();

    internal static IntakeInput Form(Person p, DisabilityCategory[] categories, IEnumerable<Guid> items, params CategoryDirection[] directions) => new()
    {
        FillDate = Today,
        Name = p.Name,
        Sex = p.Sex,
        Phone = p.Phone,
        CertificateNumber = p.CertificateNumber,
        Categories = [.. categories],
        Grade = 2,
        HasNeed = true,
        ItemIds = [.. items],
        Directions = [.. directions],
        PersonSignature = TestPng.Create(),
        StaffSignature = TestPng.Create(80, 30),
    };

    [Fact]
    public async Task Submit_routes_each_need_by_conditions_1_to_3_in_one_transaction_and_leaves_the_registry_alone()
    {
        var items = await EnsureAsync(app);
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("community");
        var form = Form(person, [DisabilityCategory.Physical, DisabilityCategory.Intellectual, DisabilityCategory.Visual],
            [items[LimbDevice], items[LimbTraining], items[Cognitive], items[BlindDevice], items[BlindMobility]],
            new(DisabilityCategory.Physical, ServiceDirection.ToServiceInstitution),
            new(DisabilityCategory.Intellectual, ServiceDirection.ToAssessmentInstitution),
            new(DisabilityCategory.Visual, ServiceDirection.HomeAssessment));
        form.NeedsHomeService = true;
        form.Name = person.Name + "改";

        var response = await client.PostAsJsonAsync($"/api/persons/{person.Id}/intake/submit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<IntakeSaved>())!;
        Assert.Equal((IntakeStatus.Submitted, 5), (saved.Status, saved.CasesOpened));
        var cases = await app.WithDbAsync(db => db.Cases.Where(c => c.IntakeId == saved.Id).ToListAsync());
        var byCode = cases.ToDictionary(c => c.ServiceItemCode);
        // Condition 1 (module 1's wording): a device need goes to home assessment whatever the direction.
        Assert.Equal((CaseKind.Device, CaseState.AwaitingHomeAssessment, DeviceDirection.Limb), (byCode[LimbDevice].Kind, byCode[LimbDevice].State, byCode[LimbDevice].Direction));
        Assert.Equal((CaseKind.Device, CaseState.AwaitingHomeAssessment, DeviceDirection.Vision), (byCode[BlindDevice].Kind, byCode[BlindDevice].State, byCode[BlindDevice].Direction));
        Assert.Equal((CaseKind.Service, CaseState.AwaitingService), (byCode[LimbTraining].Kind, byCode[LimbTraining].State));
        Assert.Equal((CaseKind.Service, CaseState.AwaitingInstitutionAssessment, false), (byCode[Cognitive].Kind, byCode[Cognitive].State, byCode[Cognitive].HomeVisitRequested));
        Assert.Equal((CaseKind.Service, CaseState.AwaitingInstitutionAssessment, true), (byCode[BlindMobility].Kind, byCode[BlindMobility].State, byCode[BlindMobility].HomeVisitRequested));
        Assert.All(cases, c => Assert.Equal((CaseState.Withdrawn, KangfuApp.CommunityA, true, person.Id), (c.WithdrawTo!.Value, c.AreaCode, c.HomeServiceRequested, c.PersonId)));
        var ids = cases.Select(c => c.Id).ToList();
        var created = await app.WithDbAsync(db => db.CaseTransitions.Where(t => ids.Contains(t.CaseId)).ToListAsync());
        Assert.Equal(5, created.Count(t => t.Action == CaseAction.Route && t.UserName == "社区专职委员"));
        var timeline = await app.WithDbAsync(db => db.PersonEvents.Where(e => e.PersonId == person.Id).ToListAsync());
        Assert.Equal("精准康复入户登记", Assert.Single(timeline, e => e.Kind == "surveys.intake").Title);
        Assert.Equal(5, timeline.Count(e => e.Kind == "referrals.routed" && e.Title.StartsWith("转介：", StringComparison.Ordinal)));
        var registry = await app.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == person.Id));
        Assert.Equal((person.Name, CategorySet.Physical), (registry.Name, registry.Categories));
        var intake = await app.WithDbAsync(db => db.Intakes.SingleAsync(i => i.Id == saved.Id));
        Assert.Equal(person.Name + "改", intake.Name);
    }

    [Fact]
    public async Task No_need_ends_the_module_without_cases()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("doctor");
        var form = Form(person, [DisabilityCategory.Physical], []);
        form.HasNeed = false;

        var saved = await SubmitAsync(client, person, form);

        Assert.Equal((IntakeStatus.NoNeed, 0), (saved.Status, saved.CasesOpened));
        Assert.False(await app.WithDbAsync(db => db.Cases.AnyAsync(c => c.PersonId == person.Id)));
        Assert.Equal("无康复需求", (await app.WithDbAsync(db => db.PersonEvents.SingleAsync(e => e.PersonId == person.Id && e.Kind == "surveys.intake"))).Detail);
    }

    [Fact]
    public async Task Unrated_person_is_asked_the_category_and_gets_its_rows()
    {
        var items = await EnsureAsync(app);
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.WithDbAsync(db => db.Persons.Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Categories, CategorySet.None).SetProperty(p => p.Category, (DisabilityCategory?)null).SetProperty(p => p.Grade, (int?)null)));
        using var client = await app.LoginAsync("community");

        var fresh = (await client.GetFromJsonAsync<IntakeView>($"/api/persons/{person.Id}/intake"))!;
        Assert.True(fresh.Form.Unrated);
        Assert.Empty(fresh.Rows);

        var form = fresh.Form;
        form.Categories = [DisabilityCategory.Hearing];
        (await client.PutAsJsonAsync($"/api/persons/{person.Id}/intake", form)).EnsureSuccessStatusCode();
        var asked = (await client.GetFromJsonAsync<IntakeView>($"/api/persons/{person.Id}/intake"))!;

        Assert.Equal((true, IntakeStatus.Draft), (asked.Form.Unrated, asked.Status!.Value));
        var row = Assert.Single(asked.Rows, r => r.Items.Any(i => i.Id == items[HearingDevice]));
        Assert.Equal(DisabilityCategory.Hearing, row.Category);
        Assert.All(asked.Rows, r => Assert.Equal(DisabilityCategory.Hearing, r.Category));
    }

    [Fact]
    public async Task Rows_follow_the_age_on_the_fill_date()
    {
        var items = await EnsureAsync(app);
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("community");
        var form = Form(person, [DisabilityCategory.Physical], [items[LimbChildSurgery]], new CategoryDirection(DisabilityCategory.Physical, ServiceDirection.ToServiceInstitution));

        var response = await client.PostAsJsonAsync($"/api/persons/{person.Id}/intake/submit", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("所选康复需求与残疾类别或年龄不符，请重新选择", await ErrorAsync(response, "ItemIds"));
    }

    [Fact]
    public async Task Out_of_scope_person_is_not_found()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityB);
        using var client = await app.LoginAsync("community");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/persons/{person.Id}/intake")).StatusCode);
        var put = await client.PutAsJsonAsync($"/api/persons/{person.Id}/intake", Form(person, [DisabilityCategory.Physical], []));
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task Signatures_must_be_non_blank_pngs_of_at_most_200_kb()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("community");
        var form = Form(person, [DisabilityCategory.Physical], []);
        form.HasNeed = false;

        form.PersonSignature = "GIF89a not a png"u8.ToArray();
        form.StaffSignature = TestPng.Create(ink: false);
        var response = await client.PostAsJsonAsync($"/api/persons/{person.Id}/intake/submit", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("签名须为 PNG 图片", await ErrorAsync(response, "PersonSignature"));
        Assert.Equal("签名为空白，请签字", await ErrorAsync(response, "StaffSignature"));

        form.PersonSignature = [.. TestPng.Create(), .. new byte[201 * 1024]];
        form.StaffSignature = null;
        response = await client.PostAsJsonAsync($"/api/persons/{person.Id}/intake/submit", form);
        Assert.Equal("签名图片不能超过 200 KB", await ErrorAsync(response, "PersonSignature"));
        Assert.Equal("请精准康复服务小组人员签字", await ErrorAsync(response, "StaffSignature"));
        Assert.False(await app.WithDbAsync(db => db.Intakes.AnyAsync(i => i.PersonId == person.Id)));
    }

    [Fact]
    public async Task Withdraw_before_the_next_stage_acts_withdraws_every_case_and_reopens_the_draft()
    {
        var items = await EnsureAsync(app);
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("community");
        var saved = await SubmitAsync(client, person, Form(person, [DisabilityCategory.Physical], [items[LimbDevice], items[LimbTraining]],
            new CategoryDirection(DisabilityCategory.Physical, ServiceDirection.ToAssessmentInstitution)));

        var response = await client.PostAsJsonAsync($"/api/intakes/{saved.Id}/withdraw", new { version = saved.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cases = await app.WithDbAsync(db => db.Cases.Where(c => c.IntakeId == saved.Id).ToListAsync());
        Assert.Equal(2, cases.Count);
        Assert.All(cases, c => Assert.Equal(CaseState.Withdrawn, c.State));
        Assert.Equal(IntakeStatus.Draft, (await app.WithDbAsync(db => db.Intakes.SingleAsync(i => i.Id == saved.Id))).Status);
        Assert.True(await app.WithDbAsync(db => db.PersonEvents.AnyAsync(e => e.PersonId == person.Id && e.Kind == "surveys.withdrawn")));
        var view = (await client.GetFromJsonAsync<IntakeView>($"/api/persons/{person.Id}/intake"))!;
        Assert.Empty(view.Cases);

        // The draft can be submitted again: new cases, the withdrawn ones stay in history.
        var resubmit = Form(person, [DisabilityCategory.Physical], [items[LimbTraining]],
            new CategoryDirection(DisabilityCategory.Physical, ServiceDirection.ToServiceInstitution));
        resubmit.Version = view.Form.Version;
        var again = await SubmitAsync(client, person, resubmit);
        Assert.Equal(1, again.CasesOpened);
    }

    [Fact]
    public async Task Withdraw_after_the_next_stage_acted_is_refused_and_changes_nothing()
    {
        var items = await EnsureAsync(app);
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("community");
        var saved = await SubmitAsync(client, person, Form(person, [DisabilityCategory.Physical], [items[LimbDevice], items[LimbTraining]],
            new CategoryDirection(DisabilityCategory.Physical, ServiceDirection.ToServiceInstitution)));
        var worker = new UserContext("u", "community", "社区专职委员", KangfuApp.District, KangfuApp.CommunityA, null, [Roles.CommunityStaff], null);
        await app.WithDbAsync(async db =>
        {
            var device = await db.Cases.SingleAsync(c => c.IntakeId == saved.Id && c.Kind == CaseKind.Device);
            db.CaseTransitions.Add(CaseWorkflow.Apply(device, CaseAction.StartHomeAssessment, worker, TimeProvider.System.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        var intakeVersion = (await app.WithDbAsync(db => db.Intakes.SingleAsync(i => i.Id == saved.Id))).Version;

        var response = await client.PostAsJsonAsync($"/api/intakes/{saved.Id}/withdraw", new { version = saved.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("肢体需求“辅助器具适配及服务”已进入“辅具上门评估中”，下一环节已处理，不能撤回。", await TitleAsync(response));
        var cases = await app.WithDbAsync(db => db.Cases.Where(c => c.IntakeId == saved.Id).ToDictionaryAsync(c => c.Kind, c => c.State));
        Assert.Equal((CaseState.HomeAssessing, CaseState.AwaitingService), (cases[CaseKind.Device], cases[CaseKind.Service]));
        var intake = await app.WithDbAsync(db => db.Intakes.SingleAsync(i => i.Id == saved.Id));
        Assert.Equal((IntakeStatus.Submitted, intakeVersion), (intake.Status, intake.Version));
    }

    [Fact]
    public async Task A_submitted_form_is_not_filled_again_in_the_same_year()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var client = await app.LoginAsync("community");
        var form = Form(person, [DisabilityCategory.Physical], []);
        form.HasNeed = false;
        var saved = await SubmitAsync(client, person, form);
        form.Version = saved.Version;

        var response = await client.PutAsJsonAsync($"/api/persons/{person.Id}/intake", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"该人员{Today.Year}年的入户登记已提交", await TitleAsync(response), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Intakes.CountAsync(i => i.PersonId == person.Id)));
    }

    [Fact]
    public async Task Concurrent_submits_of_one_draft_let_one_in_and_give_the_other_a_409()
    {
        var items = await EnsureAsync(app);
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var community = await app.LoginAsync("community");
        using var doctor = await app.LoginAsync("doctor");
        var form = Form(person, [DisabilityCategory.Physical], [items[LimbSupport]], new CategoryDirection(DisabilityCategory.Physical, ServiceDirection.ToServiceInstitution));
        var draft = await (await community.PutAsJsonAsync($"/api/persons/{person.Id}/intake", form)).Content.ReadFromJsonAsync<IntakeSaved>();
        form.Version = draft!.Version;

        var responses = await Task.WhenAll(
            community.PostAsJsonAsync($"/api/persons/{person.Id}/intake/submit", form),
            doctor.PostAsJsonAsync($"/api/persons/{person.Id}/intake/submit", form));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal("该记录已被其他用户修改，请刷新后重试。", await TitleAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.PersonId == person.Id)));
    }

    private static async Task<IntakeSaved> SubmitAsync(HttpClient client, Person person, IntakeInput form)
    {
        var response = await client.PostAsJsonAsync($"/api/persons/{person.Id}/intake/submit", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IntakeSaved>())!;
    }

    internal static async Task<string?> ErrorAsync(HttpResponseMessage response, string field)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").TryGetProperty(field, out var e) ? e[0].GetString() : null;
    }

    internal static async Task<string?> TitleAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("title").GetString();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IntakeTestsSqlite(SqliteApp app) : IntakeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IntakeTestsPostgres(PostgresApp app) : IntakeTests(app);
