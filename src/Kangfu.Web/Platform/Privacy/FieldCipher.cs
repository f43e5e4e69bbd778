using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Kangfu.Web.Platform.Privacy;

public enum FieldCipherAlgorithm
{
    /// <summary>AES-256-GCM (System.Security.Cryptography).</summary>
    AesGcm,
    /// <summary>SM4-GCM (GB/T 32907, BouncyCastle) for 商用密码 deployments.</summary>
    Sm4,
}

/// <summary>
/// Field-level encryption of personal identifiers. A value is stored as <c>enc:{A|S}{keyId}:{base64(nonce‖ciphertext‖tag)}</c>:
/// the prefix names the algorithm and the key, so the configured cipher or key can change and old values still decrypt.
/// The nonce is synthetic (HMAC-SHA256 of the plaintext under a key of its own, SIV style): the same value encrypts to the
/// same text, which keeps equality queries, unique keys and the import's unchanged-row check working on ciphertext.
/// </summary>
public sealed class FieldCipher(FieldKeyRing keys, FieldCipherAlgorithm algorithm)
{
    public const string Prefix = "enc:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>AesGcm instances are not thread-safe but costly to create: one per thread and key.</summary>
    [ThreadStatic]
    private static Dictionary<byte[], AesGcm>? aesByKey;

    public FieldCipherAlgorithm Algorithm { get; } = algorithm;

    public static bool IsProtected(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Encrypts; <paramref name="deterministic"/> false draws a random nonce (free text that is never searched).</summary>
    public string Protect(string plaintext, bool deterministic = true)
    {
        var key = keys.Active;
        var header = $"{Prefix}{Letter(Algorithm)}{key.Id}";
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var nonce = deterministic
            ? HMACSHA256.HashData(key.NonceKey, (byte[])[.. Encoding.ASCII.GetBytes(header), .. plain])[..NonceBytes]
            : RandomNumberGenerator.GetBytes(NonceBytes);
        var sealedBytes = Seal(Algorithm, key, nonce, plain, Encoding.ASCII.GetBytes(header));
        return header + ":" + Convert.ToBase64String([.. nonce, .. sealedBytes]);
    }

    /// <summary>Decrypts a protected value; a value without the prefix is legacy plaintext and is returned as it is.</summary>
    public string Unprotect(string stored)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }
        var colon = stored.IndexOf(':', Prefix.Length);
        var header = stored[..colon];
        var algorithm = header[Prefix.Length] == 'S' ? FieldCipherAlgorithm.Sm4 : FieldCipherAlgorithm.AesGcm;
        var key = keys.Get(int.Parse(header.AsSpan(Prefix.Length + 1), System.Globalization.CultureInfo.InvariantCulture));
        var bytes = Convert.FromBase64String(stored[(colon + 1)..]);
        var plain = Open(algorithm, key, bytes[..NonceBytes], bytes[NonceBytes..], Encoding.ASCII.GetBytes(header));
        return Encoding.UTF8.GetString(plain);
    }

    private static char Letter(FieldCipherAlgorithm algorithm) => algorithm == FieldCipherAlgorithm.Sm4 ? 'S' : 'A';

    private static byte[] Seal(FieldCipherAlgorithm algorithm, FieldKey key, byte[] nonce, byte[] plain, byte[] aad)
    {
        if (algorithm == FieldCipherAlgorithm.Sm4)
        {
            return Sm4(true, key, nonce, plain, aad);
        }
        var cipher = new byte[plain.Length + TagBytes];
        Aes(key).Encrypt(nonce, plain, cipher.AsSpan(0, plain.Length), cipher.AsSpan(plain.Length), aad);
        return cipher;
    }

    private static byte[] Open(FieldCipherAlgorithm algorithm, FieldKey key, byte[] nonce, byte[] sealedBytes, byte[] aad)
    {
        if (algorithm == FieldCipherAlgorithm.Sm4)
        {
            return Sm4(false, key, nonce, sealedBytes, aad);
        }
        var plain = new byte[sealedBytes.Length - TagBytes];
        Aes(key).Decrypt(nonce, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), plain, aad);
        return plain;
    }

    private static AesGcm Aes(FieldKey key)
    {
        aesByKey ??= new Dictionary<byte[], AesGcm>(ReferenceEqualityComparer.Instance);
        if (!aesByKey.TryGetValue(key.AesKey, out var aes))
        {
            aes = new AesGcm(key.AesKey, TagBytes);
            aesByKey[key.AesKey] = aes;
        }
        return aes;
    }

    private static byte[] Sm4(bool encrypt, FieldKey key, byte[] nonce, byte[] input, byte[] aad)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key.Sm4Key), TagBytes * 8, nonce, aad));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var length = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        try
        {
            length += gcm.DoFinal(output, length);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new AuthenticationTagMismatchException("SM4-GCM tag mismatch", e);
        }
        return output[..length];
    }
}
