using System.IO.Compression;
using System.Net;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Platform.Excel;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>Every .xlsx the registry hands out carries a watermark and cannot carry a formula; dangerous uploads are refused.</summary>
public abstract class ExportSafetyTests(KangfuApp app)
{
    private static readonly string[] Formulas = ["=1+2", "+SUM(1,2)", "-3+4", "@A1", "\t=cmd", "=HYPERLINK(\"http://evil\",\"点我\")"];

    [Fact]
    public async Task Export_has_a_hidden_watermark_sheet_and_a_printed_footer_with_user_time_and_trace()
    {
        await app.AddPersonAsync(KangfuApp.CommunityB);
        using var client = await app.LoginAsync("approver");

        var bytes = await GetAsync(client, "/api/persons/export.xlsx");

        var workbook = Part(bytes, "xl/workbook.xml");
        Assert.Matches("name=\"导出水印\"[^>]*state=\"hidden\"|state=\"hidden\"[^>]*name=\"导出水印\"", workbook);
        var stamp = Stamp(bytes);
        Assert.Equal("approver", stamp["导出人"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", stamp["导出时间（UTC）"]);
        var sheet = Part(bytes, "xl/worksheets/sheet1.xml");
        Assert.Contains("导出人：", sheet, StringComparison.Ordinal);
        Assert.Contains("追踪号：" + stamp["追踪号"], sheet, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserName == "approver" && a.Changes!.Contains(stamp["追踪号"])));
        Assert.True(audited, "the audit row names the trace id of the file");
    }

    [Fact]
    public async Task Formulas_in_exported_texts_are_neutralised()
    {
        var persons = new List<Web.Modules.Registry.Person>();
        foreach (var formula in Formulas)
        {
            var person = await app.AddPersonAsync(KangfuApp.CommunityB);
            await app.WithDbAsync(db => db.Persons.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Address, formula)));
            persons.Add(person);
        }
        using var client = await app.LoginAsync("approver");

        var cells = RegistryFiles.ReadCells(await GetAsync(client, "/api/persons/export.xlsx?area=120116005001"));

        var addresses = cells.Skip(1).Select(r => r[cells[0].IndexOf("详细地址")]).ToList();
        Assert.All(Formulas, f => Assert.Contains("'" + f, addresses));
        var unsafeCells = cells.SelectMany(r => r).Count(FormulaGuard.IsDangerous);
        Assert.Equal(0, unsafeCells);
        Console.WriteLine($"[figure] formula injection: {Formulas.Length} formula addresses exported, {unsafeCells} cells starting with = + - @ tab CR");
    }

    [Fact]
    public async Task Error_file_neutralises_formulas_and_is_watermarked()
    {
        var row = RegistryFiles.ValidRow();
        row["身份证号"] = "=cmd|' /C calc'!A0";
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Csv([row], new UTF8Encoding(false)), "公式.csv");

        var bytes = await GetAsync(client, $"/api/persons/import/{validated.BatchId}/errors.xlsx");

        var cells = RegistryFiles.ReadCells(bytes);
        Assert.Contains("'=cmd|' /C calc'!A0", cells[1]);
        Assert.DoesNotContain(cells.SelectMany(r => r), FormulaGuard.IsDangerous);
        Assert.Equal(RegistryFiles.Importer, Stamp(bytes)["导出人"]);
    }

    [Fact]
    public async Task Macro_workbook_and_zip_bomb_uploads_are_a_400_and_leave_no_batch()
    {
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var before = await app.WithDbAsync(db => db.ImportBatches.CountAsync());

        var macro = await ImportApi.UploadAsync(client, WithEntry(RegistryFiles.Xlsx([RegistryFiles.ValidRow()]), "xl/vbaProject.bin", [1, 2, 3]), "宏.xlsx");
        var bomb = await ImportApi.UploadAsync(client, WithEntry(RegistryFiles.Xlsx([RegistryFiles.ValidRow()]), "xl/media/zeros.bin", new byte[40 * 1024 * 1024]), "炸弹.xlsx");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (macro.StatusCode, bomb.StatusCode));
        Assert.Contains("包含宏", await ImportApi.ProblemAsync(macro), StringComparison.Ordinal);
        Assert.Contains("压缩炸弹", await ImportApi.ProblemAsync(bomb), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.ImportBatches.CountAsync()));
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Part(byte[] xlsx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static Dictionary<string, string> Stamp(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true, sheetName: ExportStamp.SheetName).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => r["项目"]!.ToString()!, r => r["内容"]?.ToString() ?? "");
    }

    private static byte[] WithEntry(byte[] xlsx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(content);
        }
        return stream.ToArray();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportSafetyTestsSqlite(SqliteApp app) : ExportSafetyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ExportSafetyTestsPostgres(PostgresApp app) : ExportSafetyTests(app);
