using System.Net;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>User input never causes a 500: unreadable, empty or mislabelled files are a 400 with a Chinese message, and leave no batch.</summary>
public abstract class ImportRejectionTests(KangfuApp app)
{
    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty", "空.xlsx", "上传的文件为空（0字节）" },
        { "random", "乱码.xlsx", "无法识别文件内容" },
        { "zip", "压缩包.xlsx", "文件是ZIP压缩包，但不是Excel工作簿" },
        { "truncated", "截断.xlsx", "不是Excel工作簿（.xlsx），可能已损坏" },
        { "broken-sheet", "坏表.xlsx", "Excel文件已损坏或格式不正确，无法读取" },
        { "pdf", "说明.pdf", "不支持的文件类型“.pdf”" },
        { "xlsx-as-csv", "名册.csv", "文件扩展名是“.csv”，但文件内容是Excel工作簿（.xlsx）" },
        { "csv-as-xls", "名册.xls", "文件扩展名是“.xls”，但文件内容是文本（.csv）" },
        { "header-only", "只有表头.xlsx", "文件只有表头（第1行），没有数据行" },
        { "no-header", "没有表头.csv", "未找到表头行" },
        { "blank", "空白.csv", "文件中没有任何内容" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_file_is_a_400_with_a_chinese_message_and_leaves_no_batch(string kind, string fileName, string message)
    {
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var batches = await app.WithDbAsync(db => db.ImportBatches.CountAsync());

        var response = await ImportApi.UploadAsync(client, Content(kind), fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ImportApi.ProblemAsync(response));
        Assert.Equal(batches, await app.WithDbAsync(db => db.ImportBatches.CountAsync()));
    }

    [Fact]
    public async Task Request_without_a_file_is_a_400()
    {
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var noForm = await client.PostAsync("/api/persons/import", new StringContent("x"));
        using var emptyForm = new MultipartFormDataContent { { new StringContent("1"), "note" } };
        var noFile = await client.PostAsync("/api/persons/import", emptyForm);

        Assert.Equal(HttpStatusCode.BadRequest, noForm.StatusCode);
        Assert.Contains("multipart/form-data", await ImportApi.ProblemAsync(noForm));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal("没有收到文件，请选择要导入的名册文件。", await ImportApi.ProblemAsync(noFile));
    }

    [Fact]
    public async Task Batch_is_visible_only_to_the_user_who_uploaded_it()
    {
        using var owner = await app.LoginAsync(RegistryFiles.Importer);
        var validated = await ImportApi.ValidateAsync(owner, RegistryFiles.Xlsx([RegistryFiles.ValidRow()]), "名册.xlsx");

        foreach (var other in new[] { "street", "admin" })
        {
            using var client = await app.LoginAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/persons/import/{validated.BatchId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/persons/import/{validated.BatchId}/confirm", null)).StatusCode);
        }
    }

    [Fact]
    public async Task Roles_without_import_permission_get_403()
    {
        using var client = await app.LoginAsync("rehab");
        var response = await ImportApi.UploadAsync(client, RegistryFiles.Xlsx([RegistryFiles.ValidRow()]), "名册.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/persons/import/template.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Confirming_twice_or_before_validation_is_refused()
    {
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx([RegistryFiles.ValidRow()]), "名册.xlsx");
        await ImportApi.ConfirmAsync(client, validated.BatchId);

        var again = await client.PostAsync($"/api/persons/import/{validated.BatchId}/confirm", null);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("该批次已经导入过了。", await ImportApi.ProblemAsync(again));
    }

    private static byte[] Content(string kind)
    {
        var valid = RegistryFiles.Xlsx([RegistryFiles.ValidRow()]);
        return kind switch
        {
            "empty" => [],
            "random" => Enumerable.Range(0, 2000).Select(i => (byte)(i * 7 % 256)).ToArray(),
            "zip" => Zip(("readme.txt", "hello")),
            "broken-sheet" => Zip(("[Content_Types].xml", "<Types"), ("xl/workbook.xml", "<workbook><sheets><sheet name=\"1\""), ("xl/worksheets/sheet1.xml", "<<<")),
            "truncated" => valid[..(valid.Length / 2)],
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.4 not a registry"),
            "xlsx-as-csv" => valid,
            "csv-as-xls" => RegistryFiles.Csv([RegistryFiles.ValidRow()], Encoding.UTF8),
            "header-only" => RegistryFiles.Xlsx([new Dictionary<string, string>()]),
            "no-header" => Encoding.UTF8.GetBytes(string.Join(",", RegistryFiles.ValidRow().Values) + "\n"),
            "blank" => Encoding.UTF8.GetBytes("\n\n,,\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return stream.ToArray();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportRejectionTestsSqlite(SqliteApp app) : ImportRejectionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportRejectionTestsPostgres(PostgresApp app) : ImportRejectionTests(app);
