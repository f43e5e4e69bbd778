using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Privacy;

/// <summary>
/// Greps every full identifier of the registry (ID, certificate, phones, decrypted from the database) in the HTML, JSON
/// and XLSX a user without the unmask permission receives: 0 hits. With the permission and the explicit ask, they appear.
/// </summary>
public abstract class MaskingGrepTests(KangfuApp app)
{
    [Fact]
    public async Task Lists_details_pages_and_exports_show_no_unmasked_identifier_without_permission()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityB, "脱敏检查");
        var secrets = await SecretsAsync();
        using var reviewer = await app.LoginAsync("reviewer");
        using var approver = await app.LoginAsync("approver");

        var outputs = new Dictionary<string, string>
        {
            ["JSON 列表"] = await reviewer.GetStringAsync("/api/persons?pageSize=100&area=120116005001"),
            ["JSON 详情"] = await reviewer.GetStringAsync($"/api/persons/{person.Id}"),
            ["HTML 列表"] = await reviewer.GetStringAsync("/persons?area=120116005001"),
            ["HTML 详情"] = await reviewer.GetStringAsync($"/persons/{person.Id}"),
            ["XLSX 导出（审核员）"] = XlsxText(await reviewer.GetByteArrayAsync("/api/persons/export.xlsx")),
            ["XLSX 导出（审批员，脱敏）"] = XlsxText(await approver.GetByteArrayAsync("/api/persons/export.xlsx")),
        };

        var hits = outputs.ToDictionary(o => o.Key, o => secrets.Count(s => o.Value.Contains(s, StringComparison.Ordinal)));
        Console.WriteLine($"[figure] {app.Provider} masking grep: {secrets.Count} identifiers × {outputs.Count} outputs " +
            $"({string.Join("，", outputs.Select(o => $"{o.Key} {o.Value.Length} 字符"))}), unmasked hits {hits.Values.Sum()}");
        Assert.All(hits, h => Assert.True(h.Value == 0, $"{h.Key}: {h.Value} unmasked identifiers"));
        // Masked IDs are there (the list page renders its rows over the circuit, so its prerendered HTML has none).
        Assert.All(outputs.Where(o => o.Key != "HTML 列表"), o => Assert.Contains("**********", o.Value, StringComparison.Ordinal));
        Assert.Contains(Mask.IdNumber(person.IdNumber), outputs["JSON 详情"], StringComparison.Ordinal);
        Assert.Contains(Mask.IdNumber(person.IdNumber), outputs["XLSX 导出（审核员）"], StringComparison.Ordinal);

        var unmasked = XlsxText(await approver.GetByteArrayAsync($"/api/persons/export.xlsx?q={person.IdNumber}&unmasked=true"));
        Assert.Contains(person.IdNumber, unmasked, StringComparison.Ordinal);
        Assert.Contains(person.Phone!, unmasked, StringComparison.Ordinal);
    }

    private async Task<List<string>> SecretsAsync() => await app.WithDbAsync(async db =>
    {
        var persons = await db.Persons.AsNoTracking().Select(p => new { p.IdNumber, p.CertificateNumber, p.Phone, p.GuardianPhone }).ToListAsync();
        return persons.SelectMany(p => new[] { p.IdNumber, p.CertificateNumber, p.Phone, p.GuardianPhone })
            .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct().ToList();
    });

    /// <summary>All text of the workbook's parts (shared strings, inline strings, every sheet).</summary>
    private static string XlsxText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MaskingGrepTestsSqlite(SqliteApp app) : MaskingGrepTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MaskingGrepTestsPostgres(PostgresApp app) : MaskingGrepTests(app);
