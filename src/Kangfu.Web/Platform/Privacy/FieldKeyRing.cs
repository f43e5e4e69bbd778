using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kangfu.Web.Platform.Privacy;

/// <summary>One field-encryption key: its id (written into every ciphertext) and the keys derived from its secret with HKDF.</summary>
public sealed class FieldKey
{
    public FieldKey(int id, byte[] secret)
    {
        Id = id;
        AesKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("kangfu field aes-256-gcm v1"));
        Sm4Key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 16, info: Encoding.ASCII.GetBytes("kangfu field sm4-gcm v1"));
        NonceKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("kangfu field siv v1"));
    }

    public int Id { get; }
    public byte[] AesKey { get; }
    public byte[] Sm4Key { get; }
    public byte[] NonceKey { get; }
}

/// <summary>
/// The keys of field encryption and the blind-index key. They live outside the database: a key file (JSON, readable by
/// the service account only) or configuration / environment (Kangfu__Encryption__…), never in the same store as the data.
/// </summary>
public sealed class FieldKeyRing
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Dictionary<int, FieldKey> keys;

    public FieldKeyRing(int activeKeyId, IReadOnlyDictionary<int, byte[]> secrets, byte[] blindIndexKey, byte[]? auditCheckpointKey = null)
    {
        if (secrets.Values.Any(s => s.Length < 32) || blindIndexKey.Length < 32 || auditCheckpointKey is { Length: < 32 })
        {
            throw new InvalidOperationException("Field encryption keys must be at least 256 bits.");
        }
        keys = secrets.ToDictionary(s => s.Key, s => new FieldKey(s.Key, s.Value));
        Active = Get(activeKeyId);
        BlindIndexKey = blindIndexKey;
        AuditCheckpointKey = auditCheckpointKey
            ?? HKDF.DeriveKey(HashAlgorithmName.SHA256, blindIndexKey, 32, info: Encoding.ASCII.GetBytes("kangfu audit checkpoint v1"));
    }

    public FieldKey Active { get; }

    public byte[] BlindIndexKey { get; }

    /// <summary>
    /// Signs the audit purge checkpoints (HMAC-SHA256): <c>auditCheckpointKey</c> of the key file, else derived with HKDF
    /// from the blind-index key (which never rotates). Changing it invalidates every existing checkpoint.
    /// </summary>
    public byte[] AuditCheckpointKey { get; }

    public FieldKey Get(int id) => keys.TryGetValue(id, out var key) ? key
        : throw new CryptographicException($"Field encryption key {id} is not in the key ring (was a retired key removed too early?).");

    public static FieldKeyRing Generate() =>
        new(1, new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, RandomNumberGenerator.GetBytes(32));

    public static FieldKeyRing Load(string path) => FromJson(File.ReadAllText(path));

    public static FieldKeyRing FromJson(string json)
    {
        var file = JsonSerializer.Deserialize<KeyFile>(json) ?? throw new InvalidOperationException("Empty field key file.");
        return new FieldKeyRing(file.ActiveKeyId, file.Keys.ToDictionary(k => int.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture),
            k => Convert.FromBase64String(k.Value)), Convert.FromBase64String(file.BlindIndexKey),
            file.AuditCheckpointKey is { Length: > 0 } checkpoint ? Convert.FromBase64String(checkpoint) : null);
    }

    /// <summary>Writes a new key file (mode 600) unless one exists; returns false when it already existed.</summary>
    public static bool TryCreateFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var file = new KeyFile
        {
            ActiveKeyId = 1,
            Keys = new() { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            BlindIndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            AuditCheckpointKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var stream = new FileStream(path, options);
            JsonSerializer.Serialize(stream, file, Indented);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private sealed class KeyFile
    {
        public int ActiveKeyId { get; set; }
        public Dictionary<string, string> Keys { get; set; } = [];
        public string BlindIndexKey { get; set; } = "";
        public string? AuditCheckpointKey { get; set; }
    }
}
