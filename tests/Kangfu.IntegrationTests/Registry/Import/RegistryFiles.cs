using System.Globalization;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>Builds real registry files (.xlsx, UTF-8 and GBK .csv) from rows of header → value.</summary>
public static class RegistryFiles
{
    public static readonly string[] Headers =
        ["姓名", "身份证号", "残疾证号", "对象类别", "残疾类别", "残疾等级", "多重残疾类别", "发证日期", "所属社区", "详细地址", "联系电话", "监护人", "监护人关系", "监护人电话", "人员状态"];

    static RegistryFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The importing community user and their community. (The demo user "community" has area 120116001001, which is
    /// not a community of the NBS area list, so nothing can be imported into it; "community2" has 120116005001 新园里.)
    /// </summary>
    public const string Importer = "community2";
    public const string Community = KangfuApp.CommunityB;
    /// <summary>A real community of 塘沽街道, outside community2's scope but inside the street user's.</summary>
    public const string OtherCommunity = "120116001016";

    /// <summary>A valid certified person (physical, grade 2) in the given community, with a fresh ID number.</summary>
    public static Dictionary<string, string> ValidRow(string area = Community, DateOnly? birth = null)
    {
        var id = TestIds.NewResidentId(birth ?? new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(15000)));
        return new Dictionary<string, string>
        {
            ["姓名"] = "导入" + TestIds.RandomGivenName(),
            ["身份证号"] = id,
            ["残疾证号"] = id + "42",
            ["对象类别"] = "持证残疾人",
            ["残疾类别"] = "肢体",
            ["残疾等级"] = "二级",
            ["多重残疾类别"] = "",
            ["发证日期"] = "2020-05-01",
            ["所属社区"] = area,
            ["详细地址"] = "新港路" + Random.Shared.Next(1, 999).ToString(CultureInfo.InvariantCulture) + "号",
            ["联系电话"] = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            ["监护人"] = "",
            ["监护人关系"] = "",
            ["监护人电话"] = "",
            ["人员状态"] = "在册",
        };
    }

    public static byte[] Xlsx(IEnumerable<IReadOnlyDictionary<string, string>> rows, IReadOnlyList<string>? headers = null)
    {
        headers ??= Headers;
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => headers.ToDictionary(h => h, h => (object?)r.GetValueOrDefault(h, ""))).ToList());
        return stream.ToArray();
    }

    public static byte[] Csv(IEnumerable<IReadOnlyDictionary<string, string>> rows, Encoding encoding, bool bom = false, IReadOnlyList<string>? headers = null)
    {
        headers ??= Headers;
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", headers.Select(Quote)));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(",", headers.Select(h => Quote(row.GetValueOrDefault(h, "")))));
        }
        var body = encoding.GetBytes(text.ToString());
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    public static Encoding Gbk => Encoding.GetEncoding("GB18030");

    /// <summary>Every cell of the first sheet of an .xlsx, as text.</summary>
    public static List<List<string>> ReadCells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList())
            .ToList();
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
