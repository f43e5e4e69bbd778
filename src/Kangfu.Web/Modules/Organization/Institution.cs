using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Organization;

[Flags]
public enum InstitutionKind
{
    None = 0,
    Assessment = 1,
    DesignatedRehab = 2,
    DeviceService = 4,
    Hospital = 8,
    Pharmacy = 16,
    DeviceAssessment = 32,
}

/// <summary>Directions of device work (辅具方向) in the national system.</summary>
[Flags]
public enum DeviceDirection
{
    None = 0,
    Limb = 1,
    Hearing = 2,
    Vision = 4,
    Prosthesis = 8,
    Accessibility = 16,
    All = Limb | Hearing | Vision | Prosthesis | Accessibility,
}

public sealed class Institution : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public InstitutionKind Kinds { get; set; }
    public DeviceDirection Directions { get; set; }
    public string? CreditCode { get; set; }
    public string? Address { get; set; }
    public string? ContactPhone { get; set; }
    public DateOnly? QualifiedUntil { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
    public List<InstitutionServiceArea> ServiceAreas { get; set; } = [];
}

/// <summary>An area (any level) an institution serves.</summary>
public sealed class InstitutionServiceArea : ITenantEntity, IAudited
{
    public string DistrictCode { get; set; } = "";
    public Guid InstitutionId { get; set; }
    public string AreaCode { get; set; } = "";
}

public static class InstitutionKinds
{
    public static readonly IReadOnlyDictionary<InstitutionKind, string> Names = new Dictionary<InstitutionKind, string>
    {
        [InstitutionKind.Assessment] = "评估机构",
        [InstitutionKind.DesignatedRehab] = "定点康复机构",
        [InstitutionKind.DeviceService] = "辅具服务机构",
        [InstitutionKind.DeviceAssessment] = "辅具评估机构",
        [InstitutionKind.Hospital] = "医院",
        [InstitutionKind.Pharmacy] = "药店",
    };

    public static string Describe(InstitutionKind kinds) =>
        string.Join("、", Names.Where(n => kinds.HasFlag(n.Key)).Select(n => n.Value));
}
