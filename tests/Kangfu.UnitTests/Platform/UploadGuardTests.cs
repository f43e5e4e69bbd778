using System.IO.Compression;
using System.Text;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Uploads;

namespace Kangfu.UnitTests.Platform;

/// <summary>Zip bombs and macro files are refused from the ZIP central directory / OLE directory, before any parser runs.</summary>
public sealed class UploadGuardTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kangfu-guard-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_plain_workbook_passes()
    {
        var path = Zip("ok.xlsx", ("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>")), ("[Content_Types].xml", ContentTypes("sheet.main+xml")));

        Assert.Equal(ImportFileKind.Xlsx, ImportFileKinds.Detect(path, "名册.xlsx"));
    }

    [Fact]
    public void A_highly_compressed_entry_is_a_zip_bomb()
    {
        var path = Zip("bomb.xlsx", ("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>")), ("xl/worksheets/sheet1.xml", new byte[64 * 1024 * 1024]));

        var error = Assert.Throws<DomainException>(() => ImportFileKinds.Detect(path, "名册.xlsx"));

        Assert.Contains("压缩炸弹", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Total_uncompressed_size_and_entry_count_are_capped()
    {
        var big = Zip("big.xlsx", ("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>")), ("xl/worksheets/sheet1.xml", new byte[3 * 1024 * 1024]));
        var many = Zip("many.xlsx", [("xl/workbook.xml", "<workbook/>"u8.ToArray()), .. Enumerable.Range(0, 30).Select(i => ($"xl/media/{i}.bin", new byte[] { 1 }))]);
        var limits = new UploadLimits { MaxUncompressedBytes = 2 * 1024 * 1024, MaxEntries = 20 };

        Assert.Contains("解压后超过2MB", Assert.Throws<DomainException>(() => ImportFileKinds.Detect(big, "a.xlsx", limits)).Message, StringComparison.Ordinal);
        Assert.Contains("31个部件", Assert.Throws<DomainException>(() => ImportFileKinds.Detect(many, "a.xlsx", limits)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xl/vbaProject.bin", "sheet.main+xml")]
    [InlineData("xl/macrosheets/sheet1.xml", "sheet.main+xml")]
    [InlineData("xl/styles.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")]
    public void Macro_enabled_workbooks_are_refused(string part, string contentType)
    {
        var path = Zip("macro.xlsx", ("xl/workbook.xml", "<workbook/>"u8.ToArray()), (part, new byte[] { 1, 2, 3 }), ("[Content_Types].xml", ContentTypes(contentType)));

        Assert.Contains("包含宏", Assert.Throws<DomainException>(() => ImportFileKinds.Detect(path, "名册.xlsx")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsm_extension_is_refused()
    {
        var path = Zip("m.xlsm", ("xl/workbook.xml", "<workbook/>"u8.ToArray()));

        Assert.Contains("启用宏", Assert.Throws<DomainException>(() => ImportFileKinds.Detect(path, "名册.xlsm")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_VBA_PROJECT_CUR", true)]
    [InlineData("Macros", true)]
    [InlineData("Workbook", false)]
    public void Legacy_xls_with_a_vba_storage_is_refused(string storage, bool refused)
    {
        var path = Path.Combine(folder, storage + ".xls");
        File.WriteAllBytes(path, CompoundFile("Root Entry", "Workbook", storage));

        if (refused)
        {
            Assert.Contains("包含宏", Assert.Throws<DomainException>(() => ImportFileKinds.Detect(path, "名册.xls")).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(ImportFileKind.Xls, ImportFileKinds.Detect(path, "名册.xls"));
        }
    }

    [Fact]
    public void The_real_legacy_fixture_has_no_macros()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Kangfu.slnx")))
        {
            root = root.Parent!;
        }
        var fixture = Path.Combine(root.FullName, "tests/Kangfu.IntegrationTests/Registry/Import/Fixtures/legacy-3-valid-1-bad.xls");

        Assert.Equal(ImportFileKind.Xls, ImportFileKinds.Detect(fixture, "名册.xls"));
    }

    private string Zip(string name, params (string Name, byte[] Content)[] entries)
    {
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entryName, content) in entries)
        {
            using var stream = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }
        return path;
    }

    private static byte[] ContentTypes(string type) =>
        Encoding.UTF8.GetBytes($"<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.{type}\"/></Types>");

    /// <summary>An OLE2 header sector followed by one directory sector of 128-byte entries with the given names.</summary>
    private static byte[] CompoundFile(params string[] names)
    {
        var bytes = new byte[512 + 512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        for (var i = 0; i < names.Length; i++)
        {
            var offset = 512 + i * 128;
            var name = Encoding.Unicode.GetBytes(names[i] + "\0");
            name.CopyTo(bytes, offset);
            BitConverter.GetBytes((ushort)name.Length).CopyTo(bytes, offset + 64);
            bytes[offset + 66] = (byte)(i == 0 ? 5 : 2);
        }
        return bytes;
    }
}
