namespace Kangfu.Web.Platform.Data;

/// <summary>Tenant-owned rows: district_code comes first in the primary key and in every unique and foreign key.</summary>
public interface ITenantEntity
{
    string DistrictCode { get; }
}

/// <summary>Every change to these rows is written to the audit log by the audit interceptor.</summary>
public interface IAudited;

/// <summary>Optimistic concurrency: <c>Version</c> changes on every save, and a stale save fails.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

public enum SensitiveKind
{
    IdNumber,
    Phone,
    Name,
    /// <summary>Bank account: only the last four digits are shown.</summary>
    BankAccount,
    /// <summary>Free text such as a diagnosis: nothing of it is shown.</summary>
    Secret,
}

/// <summary>A sensitive personal field: masked in audit records, lists and exports.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute(SensitiveKind kind) : Attribute
{
    public SensitiveKind Kind { get; } = kind;
}
