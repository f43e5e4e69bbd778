using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry.PersonDetail;
using Kangfu.Web.Modules.Registry.RevealPerson;
using Kangfu.Web.Modules.Registry.SavePerson;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>Bank account and diagnosis: saved through the person form, masked everywhere, shown only by the audited reveal.</summary>
public abstract class ProtectedFieldsTests(KangfuApp app)
{
    private const string Diagnosis = "脑卒中后遗症，左侧偏瘫，言语功能障碍";

    [Fact]
    public async Task Save_then_reveal_round_trips_and_the_reveal_is_audited()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "账户诊断");
        var account = "6222 0212 3456 " + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "789";
        var digits = account.Replace(" ", "", StringComparison.Ordinal);
        using var client = await app.LoginAsync("community");

        var saved = await client.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, account, Diagnosis));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Reveal && a.EntityId == person.Id.ToString()));
        var reveal = await client.PostAsync($"/api/persons/{person.Id}/reveal", null);

        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        var revealed = (await reveal.Content.ReadFromJsonAsync<RevealedIdentifiers>())!;
        Assert.Equal((digits, Diagnosis), (revealed.BankAccount, revealed.Diagnosis));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Reveal && a.EntityId == person.Id.ToString())
            .OrderByDescending(a => a.At).ToListAsync());
        Assert.Equal(before + 1, audit.Count);
        Assert.Equal("community", audit[0].UserName);
        Assert.Contains("银行账号、诊断", audit[0].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(digits, audit[0].Changes ?? "", StringComparison.Ordinal);
        var view = (await client.GetFromJsonAsync<PersonDetailView>($"/api/persons/{person.Id}"))!;
        Assert.Equal("修改了：银行账号、诊断", view.Timeline[0].Detail);
        var update = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Update && a.EntityId == person.Id.ToString()));
        Assert.Contains("****" + digits[^4..], update.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(digits, update.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("脑卒中", update.Changes, StringComparison.Ordinal);
        var raw = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT bank_account, diagnosis FROM registry_persons WHERE lower(CAST(id AS TEXT)) = '{person.Id:D}'";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetString(0), reader.GetString(1));
        });
        Assert.StartsWith("enc:", raw.Item1, StringComparison.Ordinal);
        Assert.StartsWith("enc:", raw.Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_reveal_json_and_html_show_only_the_last_four_digits_and_that_a_diagnosis_exists()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "账户遮蔽");
        const string account = "6217000011112222333";
        using (var writer = await app.LoginAsync("community"))
        {
            Assert.Equal(HttpStatusCode.OK, (await writer.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, account, Diagnosis))).StatusCode);
        }
        using var reviewer = await app.LoginAsync("reviewer");

        var json = await reviewer.GetStringAsync($"/api/persons/{person.Id}");
        var html = await reviewer.GetStringAsync($"/persons/{person.Id}");

        var view = JsonSerializer.Deserialize<PersonDetailView>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(("****2333", true), (view.MaskedBankAccount, view.HasDiagnosis));
        foreach (var output in new[] { json, html })
        {
            Assert.DoesNotContain(account, output, StringComparison.Ordinal);
            Assert.DoesNotContain("脑卒中", output, StringComparison.Ordinal);
        }
        Assert.Contains("****2333", html, StringComparison.Ordinal);
        Assert.Contains("已填写（受保护）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_without_reveal_is_refused_and_the_refusal_is_audited()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "拒绝查看");
        using (var writer = await app.LoginAsync("community"))
        {
            Assert.Equal(HttpStatusCode.OK, (await writer.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, "6217000011112222444", Diagnosis))).StatusCode);
        }
        using var admin = await app.LoginAsync("admin");

        var reveal = await admin.PostAsync($"/api/persons/{person.Id}/reveal", null);

        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        var body = await reveal.Content.ReadAsStringAsync();
        Assert.DoesNotContain("6217000011112222444", body, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.Reveal && a.EntityId == person.Id.ToString() && a.UserName == "admin" && a.Result == "拒绝")));
    }

    [Theory]
    [InlineData("12345678901", "银行账号应为12至30位数字")]
    [InlineData("1234567890123456789012345678901", "银行账号应为12至30位数字")]
    [InlineData("6222O21234567890", "银行账号应为12至30位数字")]
    [InlineData("６２２２０２１２３４５６７８９０", "银行账号应为12至30位数字")]
    public async Task Bad_bank_accounts_are_a_400_naming_the_field(string account, string message)
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "账号校验");
        using var client = await app.LoginAsync("community");

        var response = await client.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, account, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await ErrorAsync(response, "BankAccount"));
        Assert.Null((await app.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == person.Id))).BankAccount);
    }

    [Fact]
    public async Task Diagnosis_over_500_characters_is_a_400()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "诊断超长");
        using var client = await app.LoginAsync("community");

        var response = await client.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, null, new string('瘫', 501)));
        var exactly500 = await client.PutAsJsonAsync($"/api/persons/{person.Id}", EditBody(person, null, new string('瘫', 500)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("诊断不能超过500个字", await ErrorAsync(response, "Diagnosis"));
        Assert.Equal(HttpStatusCode.OK, exactly500.StatusCode);
        Assert.Equal(500, (await app.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == person.Id))).Diagnosis!.Length);
    }

    private static SavePersonInput EditBody(Kangfu.Web.Modules.Registry.Person p, string? bankAccount, string? diagnosis)
    {
        var input = SavePersonInput.From(p);
        (input.BankAccount, input.Diagnosis) = (bankAccount, diagnosis);
        return input;
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response, string field)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProtectedFieldsTestsSqlite(SqliteApp app) : ProtectedFieldsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProtectedFieldsTestsPostgres(PostgresApp app) : ProtectedFieldsTests(app);
