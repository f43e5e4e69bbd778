using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Surveys;

public enum IntakeStatus
{
    Draft = 1,
    Submitted = 2,
    NoNeed = 3,
}

/// <summary>服务走向 of a need row on the national form.</summary>
public enum ServiceDirection
{
    ToAssessmentInstitution = 1,
    ToServiceInstitution = 2,
    HomeAssessment = 3,
}

/// <summary>The national home registration form (精准康复服务入户信息登记表) of one person in one year.</summary>
public sealed class Intake : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid? CampaignId { get; set; }
    public string AreaCode { get; set; } = "";
    public int Year { get; set; }
    public DateOnly FillDate { get; set; }
    // 基本信息 as confirmed on the form. Prefilled from the registry, kept here: the form never rewrites the registry.
    [Sensitive(SensitiveKind.Name)]
    public string Name { get; set; } = "";
    public Sex Sex { get; set; }
    [Sensitive(SensitiveKind.Phone)]
    public string? Phone { get; set; }
    [Sensitive(SensitiveKind.Name)]
    public string? GuardianName { get; set; }
    public GuardianRelation? GuardianRelation { get; set; }
    [Sensitive(SensitiveKind.IdNumber)]
    public string? CertificateNumber { get; set; }
    /// <summary>孤独症 marker: picks the autism rows of 精神.</summary>
    public bool Autism { get; set; }
    /// <summary>Categories on the form; for an unrated person (未评定), the category asked for.</summary>
    public CategorySet Categories { get; set; }
    public bool Unrated { get; set; }
    public int? Grade { get; set; }
    public bool HasNeed { get; set; }
    public bool NeedsHomeService { get; set; }
    /// <summary>PNG of the person's or guardian's signature (残疾人或监护人签字).</summary>
    public byte[]? PersonSignature { get; set; }
    /// <summary>PNG of the team member's signature (精准康复服务小组人员签字).</summary>
    public byte[]? StaffSignature { get; set; }
    public IntakeStatus Status { get; set; } = IntakeStatus.Draft;
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid Version { get; set; }
    public List<IntakeNeed> Needs { get; set; } = [];
}

/// <summary>One ticked need item of the form, with the direction chosen for its category row.</summary>
public sealed class IntakeNeed : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid IntakeId { get; set; }
    public Guid ServiceItemId { get; set; }
    public DisabilityCategory Category { get; set; }
    public ServiceDirection Direction { get; set; }
}

/// <summary>A yearly needs survey (动态更新) of one community or street, with its progress.</summary>
public sealed class SurveyCampaign : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public int Year { get; set; }
    public string AreaCode { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }
}
