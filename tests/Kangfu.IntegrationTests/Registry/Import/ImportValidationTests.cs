using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.Import;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>Every bad row is reported with its Excel row number, its column header and a Chinese message; only valid rows are written.</summary>
public abstract class ImportValidationTests(KangfuApp app)
{
    [Fact]
    public async Task Bad_rows_are_reported_by_row_and_column_and_only_valid_rows_are_written()
    {
        var rows = BadRows(out var lowercaseX);
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx(rows), "有错误的名册.xlsx");

        var summary = validated.Summary!;
        Assert.Equal((11, 2, 9), (summary.TotalRows, summary.ValidRows, summary.ErrorRows));
        AssertError(summary, 3, "身份证号", "身份证号校验位错误");
        AssertError(summary, 4, "身份证号", "身份证号中的出生日期不是有效日期");
        AssertError(summary, 5, "身份证号", "身份证号中的出生日期晚于今天");
        AssertError(summary, 7, "残疾证号", "残疾证号第19位表示视力（1），与残疾类别“肢体”不一致");
        AssertError(summary, 8, "所属社区", "找不到社区“不存在的社区”，请填写12位区划代码或本区的社区（村）名称");
        AssertError(summary, 9, "所属社区", $"社区“紫云园社区居委会（{RegistryFiles.OtherCommunity}）”不在您的管辖范围内，不能导入");
        AssertError(summary, 10, "身份证号", "身份证号与第2行重复");
        AssertError(summary, 11, "发证日期", "“19990230”不是有效日期，请写成2020-05-01的形式");
        AssertError(summary, 12, "联系电话", "“12345”不是有效的电话号码（手机号为1开头的11位数字，固定电话如022-12345678）");
        Assert.DoesNotContain(summary.Errors, e => e.Row is 2 or 6);
        var allIds = rows.Select(r => r["身份证号"].ToUpperInvariant()).ToList();
        Assert.Equal(0, await CountAsync(allIds));

        var committed = await ImportApi.ConfirmAsync(client, validated.BatchId);

        Assert.Equal((2, 0, 0), (committed.Inserted, committed.Updated, committed.Unchanged));
        var written = await app.WithDbAsync(db => db.Persons.Where(p => allIds.Contains(p.IdNumber)).Select(p => p.IdNumber).ToListAsync());
        Assert.Equal(new[] { rows[0]["身份证号"], lowercaseX.ToUpperInvariant() }.Order(), written.Order());
    }

    [Fact]
    public async Task Error_file_has_the_original_columns_of_bad_rows_and_every_problem()
    {
        var rows = BadRows(out _);
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx(rows), "有错误的名册.xlsx");

        var response = await client.GetAsync($"/api/persons/import/{validated.BatchId}/errors.xlsx");

        response.EnsureSuccessStatusCode();
        var cells = RegistryFiles.ReadCells(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([.. RegistryFiles.Headers, "错误说明"], cells[0]);
        Assert.Equal(10, cells.Count);
        Assert.Equal(rows[1]["身份证号"], cells[1][1]);
        Assert.Equal("第3行：【身份证号】身份证号校验位错误", cells[1][^1]);
        Assert.Contains(cells, r => r[^1] == "第10行：【身份证号】身份证号与第2行重复");
    }

    [Fact]
    public async Task Missing_required_column_is_one_clear_error()
    {
        var headers = RegistryFiles.Headers.Where(h => h != "身份证号").ToList();
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var response = await ImportApi.UploadAsync(client, RegistryFiles.Xlsx([RegistryFiles.ValidRow()], headers), "缺列.xlsx");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("第1行表头缺少必填列：“身份证号”。请使用导入模板的列名。", await ImportApi.ProblemAsync(response));
    }

    [Fact]
    public async Task Header_aliases_spaces_and_unknown_columns_are_accepted_with_a_warning()
    {
        var row = RegistryFiles.ValidRow();
        var renamed = new Dictionary<string, string>
        {
            ["姓 名"] = row["姓名"],
            ["公民身份号码"] = row["身份证号"],
            ["残疾证号*"] = row["残疾证号"],
            ["残疾类别"] = "4",
            ["残疾等级（1-4）"] = "2",
            ["所属社区"] = "新园里社区",
            ["备注"] = "无关列",
        };
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx([renamed], [.. renamed.Keys]), "别名.xlsx");

        Assert.Equal(1, validated.Summary!.ValidRows);
        Assert.Equal("以下列不是名册的列，已忽略：备注", Assert.Single(validated.Summary.Warnings));
    }

    [Fact]
    public async Task Existing_person_outside_the_users_scope_cannot_be_changed_by_import()
    {
        var other = await app.AddPersonAsync(RegistryFiles.OtherCommunity);
        var row = RegistryFiles.ValidRow();
        (row["身份证号"], row["残疾证号"]) = (other.IdNumber, other.CertificateNumber!);
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx([row]), "越权.xlsx");

        AssertError(validated.Summary!, 2, "身份证号", "该身份证号的人员已登记在您管辖范围以外的社区，不能通过导入修改，请联系区残联");
        Assert.Equal(0, validated.Summary!.ValidRows);
    }

    [Fact]
    public async Task Street_user_may_name_a_community_of_the_street()
    {
        var row = RegistryFiles.ValidRow();
        row["所属社区"] = "紫云园社区";
        using var client = await app.LoginAsync("street");

        var committed = await ImportApi.ImportAsync(client, RegistryFiles.Xlsx([row]), "按名称.xlsx");

        Assert.Equal(1, committed.Inserted);
        var area = await app.WithDbAsync(db => db.Persons.Where(p => p.IdNumber == row["身份证号"]).Select(p => p.AreaCode).SingleAsync());
        Assert.Equal(RegistryFiles.OtherCommunity, area);
    }

    /// <summary>Rows 2 and 6 are valid; rows 3–5 and 7–12 each have one problem.</summary>
    private static List<Dictionary<string, string>> BadRows(out string lowercaseX)
    {
        var rows = Enumerable.Range(0, 11).Select(_ => RegistryFiles.ValidRow()).ToList();
        var wrongCheck = rows[1]["身份证号"];
        rows[1]["身份证号"] = wrongCheck[..17] + (wrongCheck[17] == '0' ? '1' : '0');
        rows[2]["身份证号"] = WithCheck("12011619990230101");
        rows[3]["身份证号"] = WithCheck("12011620990101101");
        lowercaseX = NewIdEndingInX().ToLowerInvariant();
        rows[4]["身份证号"] = lowercaseX;
        rows[4]["残疾证号"] = lowercaseX + "42";
        rows[5]["残疾证号"] = rows[5]["身份证号"] + "12";
        rows[6]["所属社区"] = "不存在的社区";
        rows[7]["所属社区"] = RegistryFiles.OtherCommunity;
        rows[8]["身份证号"] = rows[0]["身份证号"];
        rows[8]["残疾证号"] = rows[0]["残疾证号"];
        rows[9]["发证日期"] = "19990230";
        rows[10]["联系电话"] = "12345";
        return rows;
    }

    private static string WithCheck(string body) => body + ResidentId.ComputeCheckCharacter(body);

    private static string NewIdEndingInX()
    {
        while (true)
        {
            var id = TestIds.NewResidentId(new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(10000)));
            if (id.EndsWith('X'))
            {
                return id;
            }
        }
    }

    private static void AssertError(ImportSummary summary, int row, string column, string message) =>
        Assert.Contains(summary.Errors, e => e.Row == row && e.Column == column && e.Message == message);

    private Task<int> CountAsync(List<string> ids) => app.WithDbAsync(db => db.Persons.CountAsync(p => ids.Contains(p.IdNumber)));
}

[Collection(SqliteCollection.Name)]
public sealed class ImportValidationTestsSqlite(SqliteApp app) : ImportValidationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportValidationTestsPostgres(PostgresApp app) : ImportValidationTests(app);
