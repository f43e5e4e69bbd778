using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Kangfu.IntegrationTests.Infrastructure;

/// <summary>Writes small RGBA PNGs: transparent, optionally with a dark stroke (a drawn signature).</summary>
public static class TestPng
{
    public static byte[] Create(int width = 120, int height = 40, bool ink = true)
    {
        var raw = new byte[height * (width * 4 + 1)];
        if (ink)
        {
            for (var x = 10; x < width - 10; x++)
            {
                var y = height / 2 + (x % 7) - 3;
                var at = y * (width * 4 + 1) + 1 + x * 4;
                (raw[at], raw[at + 1], raw[at + 2], raw[at + 3]) = (20, 20, 20, 255);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 6);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        s.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(body).ToArray();
        s.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        s.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c ^= b;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        }
        return c ^ 0xFFFFFFFFu;
    }
}
