using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.PersonDetail;
using Kangfu.Web.Modules.Registry.SavePerson;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>POST/PUT /api/persons: the same SavePerson action the form uses.</summary>
public abstract class SavePersonTests(KangfuApp app)
{
    private static object NewPerson(string idNumber, string area, string name = "接口建档") => new
    {
        name,
        idNumber,
        targetType = (int)TargetType.Certified,
        certificateNumber = idNumber + "42",
        category = (int)DisabilityCategory.Physical,
        grade = 2,
        areaCode = area,
        phone = "13812345678",
    };

    [Fact]
    public async Task Create_derives_identity_facts_and_writes_timeline_and_audit()
    {
        var id = TestIds.NewResidentId(new DateOnly(1970, 3, 4));
        using var client = await app.LoginAsync("community");

        var response = await client.PostAsJsonAsync("/api/persons", NewPerson(id, KangfuApp.CommunityA, "欧阳建档"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<SavePersonResult>())!;
        var view = (await client.GetFromJsonAsync<PersonDetailView>($"/api/persons/{saved.Id}"))!;
        Assert.Equal((new DateOnly(1970, 3, 4), saved.Version), (view.BirthDate, view.Version));
        Assert.Equal("建档", Assert.Single(view.Timeline).Title);
        var person = await app.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == saved.Id));
        Assert.Equal(("oyjd", "社区专职委员"), (person.NameInitials, view.Timeline[0].ActorName));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.Create && a.EntityId == saved.Id.ToString() && a.UserName == "community")));
    }

    [Fact]
    public async Task Wrong_check_digit_is_a_400_with_the_field_message_and_nothing_is_saved()
    {
        var id = TestIds.NewResidentId(new DateOnly(1971, 1, 1));
        var wrong = id[..17] + (id[17] == '1' ? '2' : '1');
        using var client = await app.LoginAsync("community");

        var response = await client.PostAsJsonAsync("/api/persons", NewPerson(wrong, KangfuApp.CommunityA));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("身份证号校验位错误", await ErrorAsync(response, "IdNumber"));
        Assert.False(await app.WithDbAsync(db => db.Persons.AnyAsync(p => p.IdNumber == wrong)));
    }

    [Fact]
    public async Task Duplicate_id_in_the_district_and_area_outside_scope_are_refused()
    {
        var existing = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var other = await app.LoginAsync("community2");
        var duplicate = await other.PostAsJsonAsync("/api/persons", NewPerson(existing.IdNumber, KangfuApp.CommunityB));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.StartsWith("该身份证号已在本区建档", await ErrorAsync(duplicate, "IdNumber"), StringComparison.Ordinal);

        var outside = await other.PostAsJsonAsync("/api/persons", NewPerson(TestIds.NewResidentId(new DateOnly(1972, 2, 2)), KangfuApp.CommunityA));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("所属社区须是您管辖范围内的社区（村）", await ErrorAsync(outside, "AreaCode"));
    }

    [Fact]
    public async Task Edit_with_a_stale_version_is_a_409_and_with_the_current_one_is_saved_and_described()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "并发接口");
        using var client = await app.LoginAsync("community");
        var loaded = (await client.GetFromJsonAsync<PersonDetailView>($"/api/persons/{person.Id}"))!;
        var body = EditBody(person, loaded.Version, phone: "13900001111");

        var first = await client.PutAsJsonAsync($"/api/persons/{person.Id}", body);
        var stale = await client.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, loaded.Version, phone: "13900002222"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("该记录已被其他用户修改，请刷新后重试", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = (await client.GetFromJsonAsync<PersonDetailView>($"/api/persons/{person.Id}"))!;
        Assert.Equal(("修改档案", "修改了：联系电话、监护人"), (view.Timeline[0].Title, view.Timeline[0].Detail));
        Assert.Equal("13900001111", (await app.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == person.Id))).Phone);
    }

    [Fact]
    public async Task Status_change_needs_a_date_and_is_a_timeline_entry_of_its_own()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "迁出接口");
        using var client = await app.LoginAsync("community");
        var loaded = (await client.GetFromJsonAsync<PersonDetailView>($"/api/persons/{person.Id}"))!;

        var missingDate = await client.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, loaded.Version, status: PersonStatus.MovedOut));
        var moved = await client.PutAsJsonAsync($"/api/persons/{person.Id}",
            EditBody(person, loaded.Version, status: PersonStatus.MovedOut, statusDate: new DateOnly(2026, 1, 5)));

        Assert.Equal(HttpStatusCode.BadRequest, missingDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var view = (await client.GetFromJsonAsync<PersonDetailView>($"/api/persons/{person.Id}"))!;
        Assert.Equal(("状态变更为迁出", "变更日期：2026年1月5日"), (view.Timeline[0].Title, view.Timeline[0].Detail));
    }

    [Fact]
    public async Task Writers_outside_scope_get_404_and_readers_without_write_permission_get_403()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        using var other = await app.LoginAsync("community2");
        using var doctor = await app.LoginAsync("doctor");

        var outside = await other.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, person.Version));
        var readOnly = await doctor.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, person.Version));

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    private static SavePersonInput EditBody(Person p, Guid version, string? phone = null, PersonStatus status = PersonStatus.Registered,
        DateOnly? statusDate = null)
    {
        var input = SavePersonInput.From(p);
        input.Version = version;
        input.Phone = phone ?? p.Phone;
        input.Status = status;
        input.StatusDate = statusDate;
        (input.GuardianName, input.GuardianRelation) = ("接口监护人", GuardianRelation.Parent);
        return input;
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response, string field)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SavePersonTestsSqlite(SqliteApp app) : SavePersonTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SavePersonTestsPostgres(PostgresApp app) : SavePersonTests(app);
