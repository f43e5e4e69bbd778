using System.Text;
using System.Text.Json;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>The value types of a spill record.</summary>
internal enum SpillType : byte
{
    Guid,
    Text,
    Number,
    Date,
}

/// <summary>The record layouts of the spill segments.</summary>
internal static class SpillRecords
{
    /// <summary>A person to write: id, encrypted ID number, its blind index, then <see cref="PersonFields.Data"/> in their stored form.</summary>
    public static readonly SpillType[] Person =
        [SpillType.Guid, SpillType.Text, SpillType.Text, .. PersonFields.Data.Select(f => f.Kind switch
        {
            FieldKind.Number => SpillType.Number,
            FieldKind.Date => SpillType.Date,
            _ => SpillType.Text,
        })];

    /// <summary>A timeline row: person id, 1 = new / 0 = updated, the detail of an update ("更新：…"; null for new persons).</summary>
    public static readonly SpillType[] Event = [SpillType.Guid, SpillType.Number, SpillType.Text];

    /// <summary>An audit row: person id, 1 = create / 0 = update, the masked changes JSON.</summary>
    public static readonly SpillType[] Audit = [SpillType.Guid, SpillType.Number, SpillType.Text];

    /// <summary>A stored person a row was compared with: id and the version it had then.</summary>
    public static readonly SpillType[] Check = [SpillType.Guid, SpillType.Guid];

    /// <summary>Offsets of the person record.</summary>
    public const int PersonFieldsStart = 3;
}

/// <summary>
/// What the commit needs to know the spill is still true: the day and the areas it was checked against, the columns of the
/// file, and the counts. Written last, so a spill without its manifest (a crash while validating) is never used.
/// </summary>
internal sealed record SpillManifest(
    DateOnly Today, string AreasFingerprint, IReadOnlyList<ColumnKey> Present, int New, int Changed, int Unchanged, int Invalid, int Checks)
{
    public int Valid => New + Changed + Unchanged;
}

/// <summary>
/// The validated, normalised rows of one batch, written by the validation pass so that the commit does not parse and check
/// the file again: the persons to insert and to update (identifiers already encrypted, as stored), their audit and timeline
/// texts (masked), and the stored persons (id, version) the rows were compared with. The commit re-checks those versions,
/// the day and the areas under its lock; if anything changed it validates the file again instead.
/// Segments are compact binary files in the batch folder (no plain identifiers: ID, certificate and phones are ciphertext).
/// </summary>
internal sealed class ImportSpill(string folder)
{
    public const string NewSegment = "new";
    public const string ChangedSegment = "changed";
    public const string EventSegment = "events";
    public const string AuditSegment = "audit";
    public const string CheckSegment = "check";

    private string ManifestPath => Path.Combine(folder, "manifest.json");

    public string SegmentPath(string segment) => Path.Combine(folder, segment + ".bin");

    public SpillManifest? LoadManifest() =>
        File.Exists(ManifestPath) ? JsonSerializer.Deserialize<SpillManifest>(File.ReadAllText(ManifestPath)) : null;

    /// <summary>Starts a new spill (an older one in the folder is invalidated first).</summary>
    public SpillSet Create()
    {
        Delete();
        Directory.CreateDirectory(folder);
        return new SpillSet(this);
    }

    public void SaveManifest(SpillManifest manifest) => File.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest));

    public SpillReader Open(string segment, SpillType[] layout) => new(SegmentPath(segment), layout);

    public void Delete()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The open segments of a spill being written.</summary>
internal sealed class SpillSet(ImportSpill spill) : IDisposable
{
    public SpillWriter New { get; } = new(spill.SegmentPath(ImportSpill.NewSegment), SpillRecords.Person);
    public SpillWriter Changed { get; } = new(spill.SegmentPath(ImportSpill.ChangedSegment), SpillRecords.Person);
    public SpillWriter Events { get; } = new(spill.SegmentPath(ImportSpill.EventSegment), SpillRecords.Event);
    public SpillWriter Audit { get; } = new(spill.SegmentPath(ImportSpill.AuditSegment), SpillRecords.Audit);
    public SpillWriter Check { get; } = new(spill.SegmentPath(ImportSpill.CheckSegment), SpillRecords.Check);

    public void Dispose()
    {
        foreach (var writer in new[] { New, Changed, Events, Audit, Check })
        {
            writer.Dispose();
        }
    }
}

/// <summary>Appends records of one layout: values as typed by the layout, each with a null flag.</summary>
internal sealed class SpillWriter(string path, SpillType[] layout) : IDisposable
{
    private readonly BinaryWriter writer = new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Encoding.UTF8);
    private readonly object?[] values = new object?[layout.Length];

    public int Count { get; private set; }

    /// <summary>The buffer of the next record; fill it, then call <see cref="Write"/>.</summary>
    public object?[] Values => values;

    public void Write()
    {
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < layout.Length; i++)
        {
            var value = values[i];
            writer.Write(value is not null);
            if (value is null)
            {
                continue;
            }
            switch (layout[i])
            {
                case SpillType.Guid:
                    ((Guid)value).TryWriteBytes(bytes);
                    writer.Write(bytes);
                    break;
                case SpillType.Text:
                    writer.Write((string)value);
                    break;
                case SpillType.Number:
                    writer.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    writer.Write(((DateOnly)value).DayNumber);
                    break;
            }
        }
        Array.Clear(values);
        Count++;
    }

    public void Dispose() => writer.Dispose();
}

/// <summary>Reads the records of one segment back, in the order they were written.</summary>
internal sealed class SpillReader(string path, SpillType[] layout) : IDisposable
{
    private readonly BinaryReader reader = new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), Encoding.UTF8);

    public object?[] Values { get; } = new object?[layout.Length];

    public bool Read()
    {
        if (reader.BaseStream.Position >= reader.BaseStream.Length)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < layout.Length; i++)
        {
            if (!reader.ReadBoolean())
            {
                Values[i] = null;
                continue;
            }
            switch (layout[i])
            {
                case SpillType.Guid:
                    reader.BaseStream.ReadExactly(bytes);
                    Values[i] = new Guid(bytes);
                    break;
                case SpillType.Text:
                    Values[i] = reader.ReadString();
                    break;
                case SpillType.Number:
                    Values[i] = reader.ReadInt32();
                    break;
                default:
                    Values[i] = DateOnly.FromDayNumber(reader.ReadInt32());
                    break;
            }
        }
        return true;
    }

    public void Dispose() => reader.Dispose();
}
