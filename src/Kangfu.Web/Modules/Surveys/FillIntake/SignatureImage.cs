using System.Buffers.Binary;
using System.IO.Compression;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>
/// Checks a signature drawn on screen: a PNG of at most 200 KB with at least one pixel unlike the rest. Decodes
/// 8-bit PNGs (what canvas.toDataURL writes) with the framework's zlib; anything else counts as not a PNG.
/// </summary>
public static class SignatureImage
{
    public const int MaxBytes = 200 * 1024;
    private static readonly byte[] Magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Null when fine, else the Chinese reason.</summary>
    public static string? Problem(byte[] png)
    {
        if (png.Length > MaxBytes)
        {
            return "签名图片不能超过 200 KB";
        }
        if (!png.AsSpan().StartsWith(Magic))
        {
            return "签名须为 PNG 图片";
        }
        try
        {
            return IsBlank(png) ? "签名为空白，请签字" : null;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            return "签名须为 PNG 图片";
        }
    }

    private static bool IsBlank(byte[] png)
    {
        var (width, height, channels, data) = Read(png);
        var stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        byte[]? first = null;
        for (var y = 0; y < height; y++)
        {
            data.AsSpan(y * (stride + 1) + 1, stride).CopyTo(row);
            Unfilter(data[y * (stride + 1)], row, previous, channels);
            first ??= row[..channels];
            for (var x = 0; x < stride; x += channels)
            {
                if (!row.AsSpan(x, channels).SequenceEqual(first))
                {
                    return false;
                }
            }
            (previous, row) = (row, previous);
        }
        return true;
    }

    private static (int Width, int Height, int Channels, byte[] Data) Read(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]));
                if (body[8] != 8 || body[12] != 0)
                {
                    throw new InvalidDataException();
                }
                channels = body[9] switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException() };
            }
            else if (type == "IDAT")
            {
                idat.Write(body);
            }
            at += 12 + length;
        }
        if (width <= 0 || height <= 0 || channels == 0)
        {
            throw new InvalidDataException();
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }
        var data = inflated.ToArray();
        return data.Length < (long)height * (width * channels + 1) ? throw new InvalidDataException() : (width, height, channels, data);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] up, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException(),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
