using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kangfu.Web.Platform.Privacy;

public sealed class FieldEncryptionOptions
{
    public FieldCipherAlgorithm Cipher { get; set; } = FieldCipherAlgorithm.AesGcm;

    /// <summary>The key file (outside the database). Default: a generated development key file in the user's profile.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Alternatively the keys themselves, as the JSON of a key file (e.g. from an environment variable or a secret store).</summary>
    public string? KeysJson { get; set; }
}

/// <summary>
/// The process-wide field cipher and blind index. EF Core value converters are part of the cached model and cannot take
/// services, so they reach the cipher here; it is configured once at start-up (<see cref="Configure"/>).
/// </summary>
public static class FieldProtection
{
    private static FieldCipher? cipher;
    private static BlindIndex? blindIndex;
    private static byte[]? auditCheckpointKey;

    public static FieldCipher Cipher => cipher ?? throw NotConfigured();

    public static BlindIndex BlindIndex => blindIndex ?? throw NotConfigured();

    /// <summary>The key that signs audit purge checkpoints (<see cref="FieldKeyRing.AuditCheckpointKey"/>; not in the database).</summary>
    public static byte[] AuditCheckpointKey => auditCheckpointKey ?? throw NotConfigured();

    /// <summary>Encrypts on write, decrypts on read; nulls are not converted by EF.</summary>
    public static readonly ValueConverter<string, string> Converter = new(v => Protect(v), v => Unprotect(v));

    /// <summary>The same converter for nullable string properties (EF does not pass nulls to converters).</summary>
    public static readonly ValueConverter<string?, string> NullableConverter = new(v => Protect(v!), v => Unprotect(v));

    /// <summary>Random nonce: for free text that is never searched (diagnosis, bank account); equal values do not show.</summary>
    public static readonly ValueConverter<string?, string> RandomizedConverter = new(v => Cipher.Protect(v!, false), v => Unprotect(v));

    public static string Protect(string value) => Cipher.Protect(value);

    public static string Unprotect(string value) => Cipher.Unprotect(value);

    public static string? ProtectOrNull(string? value) => value is null ? null : Cipher.Protect(value);

    public static void Configure(FieldKeyRing keys, FieldCipherAlgorithm algorithm)
    {
        cipher = new FieldCipher(keys, algorithm);
        blindIndex = new BlindIndex(keys.BlindIndexKey);
        auditCheckpointKey = keys.AuditCheckpointKey;
    }

    /// <summary>Loads the keys (KeysJson, else KeyFile, else the development key file, created with a warning).</summary>
    public static string ConfigureFrom(FieldEncryptionOptions options, bool allowDevelopmentKey)
    {
        if (options.KeysJson is { Length: > 0 } json)
        {
            Configure(FieldKeyRing.FromJson(json), options.Cipher);
            return "configuration";
        }
        var path = options.KeyFile;
        if (path is null)
        {
            if (!allowDevelopmentKey)
            {
                throw new InvalidOperationException("生产环境必须配置字段加密密钥：Kangfu:Encryption:KeyFile 或 Kangfu:Encryption:KeysJson。");
            }
            path = DevelopmentKeyFile;
        }
        var created = FieldKeyRing.TryCreateFile(path) && options.KeyFile is null;
        Configure(FieldKeyRing.Load(path), options.Cipher);
        return created ? "new development key file " + path : path;
    }

    public static string DevelopmentKeyFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "kangfu", "field-keys.dev.json");

    private static InvalidOperationException NotConfigured() => new("Field encryption is not configured (FieldProtection.Configure).");
}
