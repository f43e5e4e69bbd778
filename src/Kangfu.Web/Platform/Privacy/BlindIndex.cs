using System.Security.Cryptography;
using System.Text;

namespace Kangfu.Web.Platform.Privacy;

/// <summary>
/// Keyed hashes (HMAC-SHA256 under a key of its own) of normalised identifiers, stored in indexed columns for exact
/// search, uniqueness and import de-duplication without decrypting. They do not change when the cipher key rotates.
/// </summary>
public sealed class BlindIndex(byte[] key)
{
    /// <summary>ID numbers: trimmed, upper case (the X check digit).</summary>
    public string IdNumber(string value) => Hash("id", value.Trim().ToUpperInvariant());

    /// <summary>Phones: digits only.</summary>
    public string Phone(string value) => Hash("phone", string.Concat(value.Where(char.IsAsciiDigit)));

    private string Hash(string kind, string normalised) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + ":" + normalised)));
}
