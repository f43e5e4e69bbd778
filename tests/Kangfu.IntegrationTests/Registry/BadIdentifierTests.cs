using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Registry.Import;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.PersonList;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>≥ 40 bad ID and certificate numbers at every entry point (form save, CSV and XLSX import, search): none accepted, none a 500.</summary>
public abstract class BadIdentifierTests(KangfuApp app)
{
    [Fact]
    public async Task Form_save_refuses_every_bad_id_and_certificate_number()
    {
        using var client = await app.LoginAsync("community");
        var before = await app.WithDbAsync(db => db.Persons.CountAsync());
        var ids = BadIdentifiers.IdNumbers();
        var certificates = BadIdentifiers.CertificateNumbers();

        var idStatuses = new List<HttpStatusCode>();
        foreach (var bad in ids)
        {
            idStatuses.Add((await client.PostAsJsonAsync("/api/persons", Body(bad, bad + "42"))).StatusCode);
        }
        var certificateStatuses = new List<HttpStatusCode>();
        foreach (var bad in certificates)
        {
            certificateStatuses.Add((await client.PostAsJsonAsync("/api/persons", Body(TestIds.NewResidentId(new DateOnly(1970, 1, 1)), bad))).StatusCode);
        }

        var accepted = idStatuses.Concat(certificateStatuses).Count(s => s != HttpStatusCode.BadRequest);
        Console.WriteLine($"[figure] {app.Provider} form save: {ids.Count} bad IDs + {certificates.Count} bad certificates, accepted or non-400 {accepted}");
        Assert.True(ids.Count >= 40 && certificates.Count >= 40);
        Assert.Equal(0, accepted);
        Assert.Equal(before, await app.WithDbAsync(db => db.Persons.CountAsync()));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Import_validates_no_row_with_a_bad_id_or_certificate_number(string kind)
    {
        var rows = BadIdentifiers.IdNumbers().Select(bad => Row(bad, bad + "42"))
            .Concat(BadIdentifiers.CertificateNumbers().Select(bad => Row(TestIds.NewResidentId(new DateOnly(1966, 6, 6)), bad))).ToList();
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var content = kind == "csv" ? RegistryFiles.Csv(rows, new UTF8Encoding(false), bom: true) : RegistryFiles.Xlsx(rows);

        var validated = await ImportApi.ValidateAsync(client, content, "坏证号." + kind);

        Console.WriteLine($"[figure] {app.Provider} import {kind}: {rows.Count} rows with a bad ID or certificate, valid {validated.Summary!.ValidRows}, errors {validated.Summary.ErrorRows}");
        Assert.Equal((0, rows.Count), (validated.Summary.ValidRows, validated.Summary.ErrorRows));
    }

    [Fact]
    public async Task Search_with_bad_identifiers_is_never_a_500_and_finds_nobody()
    {
        using var client = await app.LoginAsync("reviewer");
        var inputs = BadIdentifiers.IdNumbers().Concat(BadIdentifiers.CertificateNumbers()).Where(s => s.Length is > 0 and < 200).ToList();

        var failures = 0;
        var found = 0;
        foreach (var q in inputs)
        {
            var response = await client.GetAsync("/api/persons?q=" + Uri.EscapeDataString(q));
            if ((int)response.StatusCode >= 500)
            {
                failures++;
            }
            else if (response.IsSuccessStatusCode)
            {
                found += (await response.Content.ReadFromJsonAsync<PagedResult<PersonRow>>())!.Total;
            }
        }

        Console.WriteLine($"[figure] {app.Provider} search: {inputs.Count} bad inputs, 5xx {failures}, persons found {found}");
        Assert.Equal((0, 0), (failures, found));
    }

    private static object Body(string idNumber, string certificate) => new
    {
        name = "坏证号",
        idNumber,
        targetType = (int)TargetType.Certified,
        certificateNumber = certificate,
        category = (int)DisabilityCategory.Physical,
        grade = 2,
        areaCode = KangfuApp.CommunityA,
        phone = "13812345678",
    };

    private static Dictionary<string, string> Row(string idNumber, string certificate)
    {
        var row = RegistryFiles.ValidRow();
        row["身份证号"] = idNumber;
        row["残疾证号"] = certificate;
        return row;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BadIdentifierTestsSqlite(SqliteApp app) : BadIdentifierTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BadIdentifierTestsPostgres(PostgresApp app) : BadIdentifierTests(app);
