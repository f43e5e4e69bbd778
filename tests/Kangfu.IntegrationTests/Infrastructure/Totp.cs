using System.Globalization;
using System.Security.Cryptography;
using Kangfu.Web.Platform.Demo;

namespace Kangfu.IntegrationTests.Infrastructure;

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits), computed independently of ASP.NET Identity, for the demo admins' seeded secrets.</summary>
public static class Totp
{
    public static readonly IReadOnlySet<string> AdminLogins = new HashSet<string>(StringComparer.Ordinal) { "admin", "security", "auditor" };

    /// <summary>The current code of a demo admin login; null for logins without a second factor.</summary>
    public static string? CodeFor(string userName) =>
        AdminLogins.Contains(userName) ? Code(DemoDistrict.TotpSecret(userName), TimeProvider.System.GetUtcNow()) : null;

    public static string Code(string base32Secret, DateTimeOffset at)
    {
        var key = FromBase32(base32Secret);
        var counter = at.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; it is the interoperable choice, not a weakness here.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
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
