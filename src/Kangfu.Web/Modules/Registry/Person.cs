using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;

namespace Kangfu.Web.Modules.Registry;

public enum PersonStatus
{
    Registered = 1,
    MovedOut = 2,
    Deceased = 3,
    Cancelled = 4,
}

/// <summary>Certified persons, and the special targets served without a certificate.</summary>
public enum TargetType
{
    Certified = 1,
    Child0To6 = 2,
    Autism = 3,
    HighRiskNewborn = 4,
}

public enum GuardianRelation
{
    Parent = 1,
    Spouse = 2,
    Sibling = 3,
    Grandparent = 4,
    Other = 9,
}

/// <summary>A person in the district registry. Identity facts (birth date, sex) are derived from the ID number.</summary>
public sealed class Person : ITenantEntity, IAudited, IVersioned, IHasBlindIndex
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    /// <summary>Encrypted at rest (<see cref="FieldProtection"/>); searched and kept unique through <see cref="IdNumberHash"/>.</summary>
    [Sensitive(SensitiveKind.IdNumber)]
    public string IdNumber { get; set; } = "";
    /// <summary>Blind index of <see cref="IdNumber"/> (HMAC-SHA256), set on save.</summary>
    public string IdNumberHash { get; set; } = "";
    [Sensitive(SensitiveKind.Name)]
    public string Name { get; set; } = "";
    public string NameInitials { get; set; } = "";
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public TargetType TargetType { get; set; } = TargetType.Certified;
    [Sensitive(SensitiveKind.IdNumber)]
    public string? CertificateNumber { get; set; }
    public DisabilityCategory? Category { get; set; }
    public CategorySet Categories { get; set; }
    public int? Grade { get; set; }
    public int ReissueCount { get; set; }
    public DateOnly? CertificateIssueDate { get; set; }
    public string AreaCode { get; set; } = "";
    public string? Address { get; set; }
    [Sensitive(SensitiveKind.Phone)]
    public string? Phone { get; set; }
    [Sensitive(SensitiveKind.Name)]
    public string? GuardianName { get; set; }
    public GuardianRelation? GuardianRelation { get; set; }
    [Sensitive(SensitiveKind.Phone)]
    public string? GuardianPhone { get; set; }
    /// <summary>Bank account for subsidy payments (encrypted at rest).</summary>
    [Sensitive(SensitiveKind.BankAccount)]
    public string? BankAccount { get; set; }
    /// <summary>Diagnosis (encrypted at rest); never shown in lists or exports.</summary>
    [Sensitive(SensitiveKind.Secret)]
    public string? Diagnosis { get; set; }
    public PersonStatus Status { get; set; } = PersonStatus.Registered;
    public DateOnly? StatusDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>Validity of a certificate is 10 years from issue (残疾人证管理办法 2017).</summary>
    public DateOnly? CertificateExpiry => CertificateIssueDate?.AddYears(10);

    public int AgeOn(DateOnly date) => Ages.CompletedYears(BirthDate, date);

    public string MaskedIdNumber => Mask.IdNumber(IdNumber);

    public void RefreshBlindIndexes(BlindIndex index) => IdNumberHash = index.IdNumber(IdNumber);
}

public static class Ages
{
    /// <summary>Completed years (周岁) on the given date.</summary>
    public static int CompletedYears(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }
}
