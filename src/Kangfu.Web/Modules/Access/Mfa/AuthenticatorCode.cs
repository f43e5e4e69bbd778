using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Kangfu.Web.Modules.Access.Mfa;

/// <summary>
/// RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits, ±2 steps like Identity's authenticator provider), used to confirm a
/// pending key: Identity only verifies codes against the live key, and the pending key must not be live before it is confirmed.
/// </summary>
internal static class AuthenticatorCode
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static bool Verify(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        var key = FromBase32(base32Key);
        var step = now.ToUnixTimeSeconds() / 30;
        var valid = false;
        for (var offset = -2; offset <= 2; offset++)
        {
            var expected = Compute(key, step + offset);
            valid |= CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(code));
        }
        return valid;
    }

    /// <summary>The key in groups of four characters, as authenticator apps show it for typing.</summary>
    public static string Grouped(string base32Key) =>
        string.Join(' ', base32Key.Chunk(4).Select(c => new string(c)));

    /// <summary>The otpauth URI that authenticator apps read from the QR code (Google Authenticator key URI format).</summary>
    public static string Uri(string userName, string base32Key) =>
        $"otpauth://totp/Kangfu:{System.Uri.EscapeDataString(userName)}?secret={base32Key}&issuer=Kangfu&algorithm=SHA1&digits=6&period=30";

    private static string Compute(byte[] key, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1: the interoperable choice, not a weakness here.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var start = hash[^1] & 0x0f;
        var binary = ((hash[start] & 0x7f) << 24) | (hash[start + 1] << 16) | (hash[start + 2] << 8) | hash[start + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }
        return [.. bytes];
    }
}
