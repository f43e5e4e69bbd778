using Kangfu.Web.Modules.Registry;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>The 服务走向 chosen for one category row of the form.</summary>
public sealed record CategoryDirection(DisabilityCategory Category, ServiceDirection Direction);

/// <summary>The national home intake form as the page and the API send it. Signatures are PNG bytes (base64 in JSON).</summary>
public sealed class IntakeInput
{
    public DateOnly FillDate { get; set; }
    public string Name { get; set; } = "";
    public Sex? Sex { get; set; }
    public string? Phone { get; set; }
    public string? GuardianName { get; set; }
    public GuardianRelation? GuardianRelation { get; set; }
    public string? CertificateNumber { get; set; }
    /// <summary>The person's categories; for an unrated person (未评定), the category asked for on the needs step.</summary>
    public List<DisabilityCategory> Categories { get; set; } = [];
    public bool Unrated { get; set; }
    public int? Grade { get; set; }
    public bool Autism { get; set; }
    public bool? HasNeed { get; set; }
    public List<Guid> ItemIds { get; set; } = [];
    public List<CategoryDirection> Directions { get; set; } = [];
    public bool NeedsHomeService { get; set; }
    public byte[]? PersonSignature { get; set; }
    public byte[]? StaffSignature { get; set; }
    /// <summary>Version of the stored form the user loaded; null for a first save.</summary>
    public Guid? Version { get; set; }

    public ServiceDirection? DirectionOf(DisabilityCategory category) =>
        Directions.FirstOrDefault(d => d.Category == category)?.Direction;
}

public sealed record NeedItem(Guid Id, string Label, bool IsDeviceNeed, string Code, string Name);

/// <summary>One row of the needs checklist: a category's sub-population with its need items.</summary>
public sealed record NeedRow(DisabilityCategory Category, string SubPopulation, IReadOnlyList<NeedItem> Items);

public sealed record RoutedCaseRow(Guid Id, string ItemName, DisabilityCategory Category, string StateName, bool CanWithdraw);

public sealed record IntakeView(
    Guid? Id, Guid PersonId, int Year, IntakeStatus? Status, DateTime? SubmittedAt, DateOnly BirthDate,
    IntakeInput Form, IReadOnlyList<NeedRow> Rows, IReadOnlyList<RoutedCaseRow> Cases);

public sealed record IntakeSaved(Guid Id, Guid Version, IntakeStatus Status, int CasesOpened);
