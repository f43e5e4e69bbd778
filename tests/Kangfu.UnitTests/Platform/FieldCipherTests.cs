using System.Diagnostics;
using System.Security.Cryptography;
using Kangfu.Web.Platform.Privacy;

namespace Kangfu.UnitTests.Platform;

public sealed class FieldCipherTests
{
    private static readonly FieldKeyRing Keys = FieldKeyRing.Generate();
    private const string IdNumber = "120116198503121235";

    [Theory]
    [InlineData(FieldCipherAlgorithm.AesGcm, "enc:A1:")]
    [InlineData(FieldCipherAlgorithm.Sm4, "enc:S1:")]
    public void Round_trips_and_names_algorithm_and_key(FieldCipherAlgorithm algorithm, string prefix)
    {
        var cipher = new FieldCipher(Keys, algorithm);

        var stored = cipher.Protect(IdNumber);

        Assert.StartsWith(prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, stored, StringComparison.Ordinal);
        Assert.Equal(IdNumber, cipher.Unprotect(stored));
        Assert.Equal("脑性瘫痪（痉挛型）", cipher.Unprotect(cipher.Protect("脑性瘫痪（痉挛型）", deterministic: false)));
    }

    [Fact]
    public void Deterministic_for_search_randomized_for_free_text()
    {
        var cipher = new FieldCipher(Keys, FieldCipherAlgorithm.AesGcm);

        Assert.Equal(cipher.Protect(IdNumber), cipher.Protect(IdNumber));
        Assert.NotEqual(cipher.Protect("13812345678"), cipher.Protect("13812345679"));
        Assert.NotEqual(cipher.Protect("高血压", deterministic: false), cipher.Protect("高血压", deterministic: false));
    }

    [Fact]
    public void Old_values_still_decrypt_after_switching_cipher_or_rotating_the_key()
    {
        var secret1 = RandomNumberGenerator.GetBytes(32);
        var blind = RandomNumberGenerator.GetBytes(32);
        var before = new FieldCipher(new FieldKeyRing(1, new Dictionary<int, byte[]> { [1] = secret1 }, blind), FieldCipherAlgorithm.AesGcm).Protect(IdNumber);
        var rotated = new FieldKeyRing(2, new Dictionary<int, byte[]> { [1] = secret1, [2] = RandomNumberGenerator.GetBytes(32) }, blind);

        var sm4 = new FieldCipher(rotated, FieldCipherAlgorithm.Sm4);

        Assert.StartsWith("enc:S2:", sm4.Protect(IdNumber), StringComparison.Ordinal);
        Assert.Equal(IdNumber, sm4.Unprotect(before));
        Assert.Equal(new BlindIndex(blind).IdNumber(IdNumber), new BlindIndex(rotated.BlindIndexKey).IdNumber(IdNumber));
    }

    [Theory]
    [InlineData(FieldCipherAlgorithm.AesGcm)]
    [InlineData(FieldCipherAlgorithm.Sm4)]
    public void Tampered_or_foreign_key_ciphertext_is_refused(FieldCipherAlgorithm algorithm)
    {
        var cipher = new FieldCipher(Keys, algorithm);
        var stored = cipher.Protect(IdNumber);
        var bytes = Convert.FromBase64String(stored[7..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect(stored[..7] + Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() => new FieldCipher(FieldKeyRing.Generate(), algorithm).Unprotect(stored));
    }

    [Fact]
    public void Legacy_plaintext_reads_through_until_backfilled() =>
        Assert.Equal(IdNumber, new FieldCipher(Keys, FieldCipherAlgorithm.AesGcm).Unprotect(IdNumber));

    [Fact]
    public void Blind_index_normalises_and_is_keyed()
    {
        var index = new BlindIndex(Keys.BlindIndexKey);

        Assert.Equal(index.IdNumber("12011620190708018X"), index.IdNumber(" 12011620190708018x "));
        Assert.Equal(index.Phone("138-1234-5678"), index.Phone("13812345678"));
        Assert.NotEqual(index.IdNumber(IdNumber), new BlindIndex(RandomNumberGenerator.GetBytes(32)).IdNumber(IdNumber));
        Assert.Equal(64, index.IdNumber(IdNumber).Length);
    }

    [Fact]
    public void Key_file_round_trip_and_cost_figure()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kangfu-keys-{Guid.NewGuid():N}.json");
        try
        {
            Assert.True(FieldKeyRing.TryCreateFile(path));
            Assert.False(FieldKeyRing.TryCreateFile(path));
            var keys = FieldKeyRing.Load(path);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            foreach (var algorithm in new[] { FieldCipherAlgorithm.AesGcm, FieldCipherAlgorithm.Sm4 })
            {
                var cipher = new FieldCipher(keys, algorithm);
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < 20_000; i++)
                {
                    cipher.Unprotect(cipher.Protect(IdNumber));
                }
                Console.WriteLine($"[figure] {algorithm}: {watch.Elapsed.TotalMicroseconds / 20_000:F1} µs per encrypt+decrypt of an ID number");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
