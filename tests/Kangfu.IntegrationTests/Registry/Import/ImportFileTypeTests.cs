using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>Each file type (.xlsx, .csv UTF-8 with and without BOM, .csv GBK, legacy .xls) imports its valid rows, only after confirmation.</summary>
public abstract class ImportFileTypeTests(KangfuApp app)
{
    [Fact]
    public async Task Xlsx_rows_are_validated_then_written_only_after_confirm()
    {
        var rows = Enumerable.Range(0, 3).Select(_ => RegistryFiles.ValidRow()).ToList();
        rows[1]["对象类别"] = "0-6岁儿童";
        rows[1]["残疾证号"] = "";
        rows[1]["残疾类别"] = "";
        rows[1]["残疾等级"] = "";
        rows[2]["残疾类别"] = "7";
        rows[2]["残疾证号"] = rows[2]["身份证号"] + "71";
        rows[2]["残疾等级"] = "1";
        rows[2]["多重残疾类别"] = "视力、听力";
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx(rows), "名册.xlsx");

        Assert.Equal((3, 3, 0, 3), (validated.Summary!.TotalRows, validated.Summary.ValidRows, validated.Summary.ErrorRows, validated.Summary.New));
        Assert.Empty(await PersonsAsync(rows));
        var committed = await ImportApi.ConfirmAsync(client, validated.BatchId);
        Assert.Equal((3, 0, 0), (committed.Inserted, committed.Updated, committed.Unchanged));
        var stored = await PersonsAsync(rows);
        Assert.Equal(3, stored.Count);
        var first = stored.Single(p => p.IdNumber == rows[0]["身份证号"]);
        Assert.Equal((rows[0]["姓名"], RegistryFiles.Community, DisabilityCategory.Physical, 2, rows[0]["联系电话"]),
            (first.Name, first.AreaCode, first.Category!.Value, first.Grade!.Value, first.Phone!));
        Assert.Equal(new DateOnly(2020, 5, 1), first.CertificateIssueDate);
        var child = stored.Single(p => p.IdNumber == rows[1]["身份证号"]);
        Assert.Equal((TargetType.Child0To6, (string?)null, (DisabilityCategory?)null), (child.TargetType, child.CertificateNumber, child.Category));
        var multiple = stored.Single(p => p.IdNumber == rows[2]["身份证号"]);
        Assert.Equal(CategorySet.Visual | CategorySet.Hearing, multiple.Categories);
        await AssertCreatedAuditAndTimelineAsync(stored);
    }

    [Fact]
    public async Task Csv_utf8_with_and_without_bom_imports()
    {
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        foreach (var bom in new[] { true, false })
        {
            var rows = new[] { RegistryFiles.ValidRow(), RegistryFiles.ValidRow() };
            rows[0]["姓名"] = "欧阳·娜娜";
            var result = await ImportApi.ImportAsync(client, RegistryFiles.Csv(rows, new UTF8Encoding(false), bom), "名册.csv");
            Assert.Equal(2, result.Inserted);
            var stored = await PersonsAsync(rows);
            Assert.Equal(rows.Select(r => r["姓名"]).Order(), stored.Select(p => p.Name).Order());
        }
    }

    [Fact]
    public async Task Csv_in_gbk_is_detected_and_decoded()
    {
        var rows = new[] { RegistryFiles.ValidRow(), RegistryFiles.ValidRow() };
        rows[0]["姓名"] = "龚鑫";
        rows[1]["详细地址"] = "塘沽街道新港路甲1号";
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var result = await ImportApi.ImportAsync(client, RegistryFiles.Csv(rows, RegistryFiles.Gbk), "名册-GBK.csv");

        Assert.Equal(2, result.Inserted);
        var stored = await PersonsAsync(rows);
        Assert.Contains(stored, p => p.Name == "龚鑫");
        Assert.Contains(stored, p => p.Address == "塘沽街道新港路甲1号");
    }

    [Fact]
    public async Task Legacy_xls_imports_valid_rows_and_reports_the_bad_one()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Registry/Import/Fixtures/legacy-3-valid-1-bad.xls"));
        using var client = await app.LoginAsync("street");

        var validated = await ImportApi.ValidateAsync(client, bytes, "老系统导出.xls");

        Assert.Equal((4, 3, 1), (validated.Summary!.TotalRows, validated.Summary.ValidRows, validated.Summary.ErrorRows));
        Assert.All(validated.Summary.Errors, e => Assert.Equal(5, e.Row));
        Assert.Contains(validated.Summary.Errors, e => (e.Column, e.Message) == ("身份证号码", "身份证号校验位错误"));
        Assert.Contains(validated.Summary.Errors, e => (e.Column, e.Message) == ("残疾证号", "对象类别为持证残疾人时必须填写残疾证号"));
        var committed = await ImportApi.ConfirmAsync(client, validated.BatchId);
        Assert.Equal(3, committed.Inserted);
        var names = await app.WithDbAsync(db => db.Persons.Where(p => p.Name.StartsWith("旧表")).Select(p => p.Name).ToListAsync());
        Assert.Equal(["旧表丙", "旧表乙", "旧表甲"], names.Order(StringComparer.Ordinal).ToArray());
    }

    private Task<List<Person>> PersonsAsync(IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var ids = rows.Select(r => r["身份证号"].ToUpperInvariant()).ToList();
        return app.WithDbAsync(db => db.Persons.AsNoTracking().Where(p => ids.Contains(p.IdNumber)).ToListAsync());
    }

    private async Task AssertCreatedAuditAndTimelineAsync(List<Person> persons)
    {
        var ids = persons.Select(p => p.Id.ToString()).ToList();
        var personIds = persons.Select(p => p.Id).ToList();
        var audits = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId != null && ids.Contains(a.EntityId)).ToListAsync());
        Assert.Equal(persons.Count, audits.Count(a => a.Action == AuditActions.Create && a.UserName == RegistryFiles.Importer));
        Assert.All(audits, a => Assert.DoesNotContain(persons.Single(p => p.Id.ToString() == a.EntityId).IdNumber, a.Changes));
        var events = await app.WithDbAsync(db => db.PersonEvents.AsNoTracking().Where(e => personIds.Contains(e.PersonId)).ToListAsync());
        Assert.Equal(persons.Count, events.Count(e => e.Kind == "registry.imported" && e.Title == "由名册导入新增"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportFileTypeTestsSqlite(SqliteApp app) : ImportFileTypeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportFileTypeTestsPostgres(PostgresApp app) : ImportFileTypeTests(app);
