using System.Text;
using Kangfu.Web.Modules.Registry.Import;
using Kangfu.Web.Modules.Registry.Import.Sheets;

namespace Kangfu.UnitTests.Registry.Import;

public sealed class ColumnsAndEncodingTests
{
    [Fact]
    public void Column_map_is_indexed_by_its_key()
    {
        Assert.All(PersonColumns.All.Select((c, i) => (c, i)), x => Assert.Equal((ColumnKey)x.i, x.c.Key));
        Assert.Equal(Enum.GetValues<ColumnKey>().Length, PersonColumns.All.Count);
    }

    [Theory]
    [InlineData(" 姓 名 ", "姓名")]
    [InlineData("身份证号*", "身份证号")]
    [InlineData("残疾等级（1-4）", "残疾等级")]
    [InlineData("残疾类别(1-7)", "残疾类别")]
    [InlineData("社区(村)", "社区(村)")]
    public void Headers_are_compared_without_spaces_markers_and_hints(string header, string expected) =>
        Assert.Equal(expected, PersonColumns.Normalize(header));

    [Fact]
    public void Masked_export_has_no_birth_date_column() =>
        Assert.DoesNotContain(PersonColumns.Exported(masked: true), c => c.Key == ColumnKey.BirthDate);

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8-bom")]
    [InlineData("gb18030")]
    public void Csv_encoding_is_detected(string kind)
    {
        TextEncodings.EnsureRegistered();
        var text = string.Concat(Enumerable.Repeat("姓名,身份证号\n张三丰,120116198503121235\n", 5000));
        var bytes = kind switch
        {
            "utf8" => new UTF8Encoding(false).GetBytes(text),
            "utf8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
            _ => TextEncodings.Gb18030.GetBytes(text),
        };

        var detected = TextEncodings.Detect(new MemoryStream(bytes));

        Assert.Equal(kind == "gb18030" ? "gb18030" : "utf-8", detected.WebName);
    }
}
