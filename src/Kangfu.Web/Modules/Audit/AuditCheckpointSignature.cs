using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// HMAC-SHA256 over a checkpoint's canonical form, under a key outside the database (the field-encryption key file,
/// <see cref="Platform.Privacy.FieldKeyRing.AuditCheckpointKey"/>): whoever can write to the database can delete rows, but
/// cannot write (or widen) a checkpoint that covers the gap.
/// </summary>
public static class AuditCheckpointSignature
{
    /// <summary>Every field in a fixed order, unit-separated, the time as UTC microseconds (what PostgreSQL keeps).</summary>
    public static string Canonical(AuditCheckpoint c) => string.Join('\u001f',
        "kangfu audit checkpoint v1",
        c.DistrictCode,
        c.Id.ToString("D", CultureInfo.InvariantCulture),
        c.Chain.ToString(CultureInfo.InvariantCulture),
        c.FirstSequence.ToString(CultureInfo.InvariantCulture),
        c.LastSequence.ToString(CultureInfo.InvariantCulture),
        c.Count.ToString(CultureInfo.InvariantCulture),
        c.PrevHash,
        c.LastHash,
        c.PurgedAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));

    public static string Compute(AuditCheckpoint c, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Canonical(c))));

    public static bool IsValid(AuditCheckpoint c, byte[] key) =>
        c.Signature.Length == 64 && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(c, key)), Encoding.ASCII.GetBytes(c.Signature.ToLowerInvariant()));
}
