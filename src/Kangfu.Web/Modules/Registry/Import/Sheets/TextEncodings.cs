using System.Text;

namespace Kangfu.Web.Modules.Registry.Import.Sheets;

/// <summary>Finds the encoding of a CSV file: a byte-order mark, else strict UTF-8 if the first chunk decodes, else GB18030 (a superset of GBK).</summary>
public static class TextEncodings
{
    private const int SampleBytes = 64 * 1024;

    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Makes the legacy code pages (GB18030, Windows-1252 …) available; ExcelDataReader needs them for .xls.</summary>
    public static void EnsureRegistered() => _ = Gb18030;

    public static Encoding Detect(Stream stream)
    {
        var buffer = new byte[SampleBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var sample = buffer.AsSpan(0, read);
        if (sample.StartsWith(Encoding.UTF8.Preamble))
        {
            return new UTF8Encoding(true);
        }
        if (sample.StartsWith((byte[])[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        if (sample.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }
        return IsUtf8(read == SampleBytes ? CutAtAscii(sample) : sample) ? new UTF8Encoding(false) : Gb18030;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A full sample may end inside a multi-byte character: stop after its last ASCII byte.</summary>
    private static ReadOnlySpan<byte> CutAtAscii(ReadOnlySpan<byte> sample)
    {
        for (var i = sample.Length - 1; i >= 0; i--)
        {
            if (sample[i] < 0x80)
            {
                return sample[..(i + 1)];
            }
        }
        return sample;
    }
}
