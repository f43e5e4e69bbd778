namespace Kangfu.Web.Modules.Registry.SavePerson;

/// <summary>
/// The create/edit form of a person, also the body of POST/PUT /api/persons. <see cref="Id"/> and
/// <see cref="Version"/> are null for a new person; an edit sends back the version it loaded.
/// </summary>
public sealed class SavePersonInput
{
    public Guid? Id { get; set; }
    public Guid? Version { get; set; }
    public string Name { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public TargetType TargetType { get; set; } = TargetType.Certified;
    public string? CertificateNumber { get; set; }
    public DisabilityCategory? Category { get; set; }
    /// <summary>Component categories of a multiple disability (category 7); ignored otherwise.</summary>
    public CategorySet Components { get; set; }
    public int? Grade { get; set; }
    public DateOnly? CertificateIssueDate { get; set; }
    /// <summary>12-digit code of the community (level 5) the person is registered in.</summary>
    public string AreaCode { get; set; } = "";
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? GuardianName { get; set; }
    public GuardianRelation? GuardianRelation { get; set; }
    public string? GuardianPhone { get; set; }
    /// <summary>Bank account for subsidy payments, 12–30 digits (spaces allowed while typing); optional.</summary>
    public string? BankAccount { get; set; }
    /// <summary>Diagnosis, free text up to 500 characters; optional.</summary>
    public string? Diagnosis { get; set; }
    public PersonStatus Status { get; set; } = PersonStatus.Registered;
    public DateOnly? StatusDate { get; set; }

    public bool IsNew => Id is null;

    /// <summary>The set stored in <see cref="Person.Categories"/>: the components of a multiple disability, else the one category.</summary>
    public CategorySet CategorySet => Category switch
    {
        null => TargetType == TargetType.Autism ? CategorySet.Mental : CategorySet.None,
        DisabilityCategory.Multiple => Components,
        { } c => DisabilityCategories.ToFlag(c),
    };

    /// <summary>The 20-character certificate number that matches the ID, category and grade (for the 生成 button).</summary>
    public string? SuggestedCertificateNumber =>
        IdNumber.Trim().Length == 18 && Category is { } c && Grade is { } g ? $"{IdNumber.Trim().ToUpperInvariant()}{(int)c}{g}" : null;

    /// <summary>The bank account without spaces or hyphens, or null when blank.</summary>
    public string? NormalizedBankAccount =>
        string.IsNullOrWhiteSpace(BankAccount) ? null : string.Concat(BankAccount.Where(c => c is not (' ' or '-' or '\u3000')));

    public SavePersonInput Clone() => (SavePersonInput)MemberwiseClone();

    public static SavePersonInput From(Person p) => new()
    {
        Id = p.Id,
        Version = p.Version,
        Name = p.Name,
        IdNumber = p.IdNumber,
        TargetType = p.TargetType,
        CertificateNumber = p.CertificateNumber is null ? null : p.CertificateNumber + (p.ReissueCount > 0 ? $"B{p.ReissueCount}" : ""),
        Category = p.Category,
        Components = p.Category == DisabilityCategory.Multiple ? p.Categories : CategorySet.None,
        Grade = p.Grade,
        CertificateIssueDate = p.CertificateIssueDate,
        AreaCode = p.AreaCode,
        Address = p.Address,
        Phone = p.Phone,
        GuardianName = p.GuardianName,
        GuardianRelation = p.GuardianRelation,
        GuardianPhone = p.GuardianPhone,
        BankAccount = p.BankAccount,
        Diagnosis = p.Diagnosis,
        Status = p.Status,
        StatusDate = p.StatusDate,
    };
}
