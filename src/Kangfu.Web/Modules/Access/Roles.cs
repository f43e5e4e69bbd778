namespace Kangfu.Web.Modules.Access;

/// <summary>The participant roles of the national precision-rehab system, plus the three separated admins.</summary>
public static class Roles
{
    public const string CommunityStaff = "CommunityStaff";
    public const string ContractedDoctor = "ContractedDoctor";
    public const string StreetCoordinator = "StreetCoordinator";
    public const string DistrictReviewer = "DistrictReviewer";
    public const string DistrictApprover = "DistrictApprover";
    public const string AssessmentInstitution = "AssessmentInstitution";
    public const string DeviceTechnician = "DeviceTechnician";
    public const string RehabInstitution = "RehabInstitution";
    public const string DeviceServiceInstitution = "DeviceServiceInstitution";
    public const string DistrictAdmin = "DistrictAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";

    public static readonly IReadOnlyDictionary<string, string> DisplayNames = new Dictionary<string, string>
    {
        [CommunityStaff] = "社区工作人员",
        [ContractedDoctor] = "社区签约医生",
        [StreetCoordinator] = "街道康复协调员",
        [DistrictReviewer] = "区残联审核人员",
        [DistrictApprover] = "区残联审批人员",
        [AssessmentInstitution] = "评估机构人员",
        [DeviceTechnician] = "辅具技术人员",
        [RehabInstitution] = "康复服务机构",
        [DeviceServiceInstitution] = "辅具服务机构",
        [DistrictAdmin] = "区系统管理员",
        [SecurityAdmin] = "安全管理员",
        [AuditAdmin] = "审计管理员",
    };

    public static IEnumerable<string> All => DisplayNames.Keys;

    /// <summary>Roles whose scope is an institution (persons referred to it), not an area.</summary>
    public static readonly IReadOnlySet<string> InstitutionScoped = new HashSet<string>
    {
        AssessmentInstitution, DeviceTechnician, RehabInstitution, DeviceServiceInstitution,
    };
}
