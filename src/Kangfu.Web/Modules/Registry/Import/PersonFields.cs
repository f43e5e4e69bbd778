using System.Reflection;
using System.Text.Json;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;

namespace Kangfu.Web.Modules.Registry.Import;

public enum FieldKind
{
    Text,
    Number,
    Date,
}

/// <summary>A stored column of registry_persons that an import writes, and the file column that governs it.</summary>
internal sealed record PersonField(string Property, string Column, ColumnKey Source, Func<Person, object?> Get, bool Compared = true)
{
    public SensitiveKind? Sensitive { get; } = typeof(Person).GetProperty(Property)?.GetCustomAttribute<SensitiveAttribute>()?.Kind;

    /// <summary>The stored type: enums and numbers are integers, DateOnly a date, the rest text.</summary>
    public FieldKind Kind { get; } = (Nullable.GetUnderlyingType(typeof(Person).GetProperty(Property)!.PropertyType)
        ?? typeof(Person).GetProperty(Property)!.PropertyType) switch
    {
        var t when t == typeof(DateOnly) => FieldKind.Date,
        var t when t == typeof(string) => FieldKind.Text,
        _ => FieldKind.Number,
    };

    /// <summary>Encrypted at rest: bulk writers store <see cref="Stored"/> (EF applies the same converter itself).</summary>
    public bool Encrypted { get; } = Property is nameof(Person.CertificateNumber) or nameof(Person.Phone) or nameof(Person.GuardianPhone);

    /// <summary>The value as the column stores it: the ciphertext of an encrypted field.</summary>
    public object? Stored(Person p) => Encrypted && Get(p) is string text ? FieldProtection.Protect(text) : Get(p);

    /// <summary>The value as the audit log shows it: sensitive values masked as the audit interceptor masks them.</summary>
    public object? AuditValue(Person p) => Get(p) is { } value && Sensitive is { } kind
        ? kind switch
        {
            SensitiveKind.IdNumber => Mask.IdNumber(value.ToString()),
            SensitiveKind.Phone => Mask.Phone(value.ToString()),
            SensitiveKind.Name => Mask.Name(value.ToString()),
            SensitiveKind.BankAccount => Mask.BankAccount(value.ToString()),
            _ => "***",
        }
        : Get(p);
}

/// <summary>The data columns of a person written by imports, their comparison and their audit description.</summary>
internal static class PersonFields
{
    public static readonly IReadOnlyList<PersonField> Data =
    [
        new("Name", "name", ColumnKey.Name, p => p.Name),
        new("NameInitials", "name_initials", ColumnKey.Name, p => p.NameInitials, Compared: false),
        new("Sex", "sex", ColumnKey.IdNumber, p => (int)p.Sex),
        new("BirthDate", "birth_date", ColumnKey.IdNumber, p => p.BirthDate),
        new("TargetType", "target_type", ColumnKey.TargetType, p => (int)p.TargetType),
        new("CertificateNumber", "certificate_number", ColumnKey.CertificateNumber, p => p.CertificateNumber),
        new("ReissueCount", "reissue_count", ColumnKey.CertificateNumber, p => p.ReissueCount),
        new("Category", "category", ColumnKey.Category, p => (int?)p.Category),
        new("Categories", "categories", ColumnKey.Category, p => (int)p.Categories),
        new("Grade", "grade", ColumnKey.Grade, p => p.Grade),
        new("CertificateIssueDate", "certificate_issue_date", ColumnKey.CertificateIssueDate, p => p.CertificateIssueDate),
        new("AreaCode", "area_code", ColumnKey.Area, p => p.AreaCode),
        new("Address", "address", ColumnKey.Address, p => p.Address),
        new("Phone", "phone", ColumnKey.Phone, p => p.Phone),
        new("GuardianName", "guardian_name", ColumnKey.GuardianName, p => p.GuardianName),
        new("GuardianRelation", "guardian_relation", ColumnKey.GuardianRelation, p => (int?)p.GuardianRelation),
        new("GuardianPhone", "guardian_phone", ColumnKey.GuardianPhone, p => p.GuardianPhone),
        new("Status", "status", ColumnKey.Status, p => (int)p.Status),
        new("StatusDate", "status_date", ColumnKey.StatusDate, p => p.StatusDate),
    ];

    public static int IndexOf(PersonField field)
    {
        for (var i = 0; i < Data.Count; i++)
        {
            if (ReferenceEquals(Data[i], field))
            {
                return i;
            }
        }
        throw new ArgumentException("Not a data field: " + field.Column, nameof(field));
    }

    /// <summary>Columns an update may set: those whose file column is present (an absent column keeps the stored value).</summary>
    public static IReadOnlyList<PersonField> Updatable(IReadOnlySet<ColumnKey> present) =>
        Data.Where(f => f.Source != ColumnKey.IdNumber && present.Contains(f.Source)).ToList();

    public static IReadOnlyList<PersonField> Changed(Person existing, Person incoming, IReadOnlyList<PersonField> updatable) =>
        updatable.Where(f => f.Compared && !Equals(f.Get(existing), f.Get(incoming))).ToList();

    /// <summary>The audit "changes" JSON of a new person, in the audit interceptor's shape {property: [before, after]}.</summary>
    public static string CreatedJson(Person p)
    {
        var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal)
        {
            ["IdNumber"] = [null, Mask.IdNumber(p.IdNumber)],
            ["Id"] = [null, p.Id],
        };
        foreach (var field in Data)
        {
            changes[field.Property] = [null, field.AuditValue(p)];
        }
        return JsonSerializer.Serialize(changes, AuditJson.Options);
    }

    public static string UpdatedJson(Person before, Person after, IEnumerable<PersonField> changed)
    {
        var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var field in changed)
        {
            changes[field.Property] = [field.AuditValue(before), field.AuditValue(after)];
        }
        return JsonSerializer.Serialize(changes, AuditJson.Options);
    }

    /// <summary>"更新：联系电话、详细地址" for the timeline.</summary>
    public static string ChangedColumns(IEnumerable<PersonField> changed) =>
        "更新：" + string.Join("、", changed.Select(f => PersonColumns.Get(f.Source).Header).Distinct());
}
