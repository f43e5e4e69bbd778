using Kangfu.Web.Modules.Access.Users.UserList;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>Chinese names of the user management pages: statuses, role groups, scopes.</summary>
public static class UserNames
{
    public static readonly IReadOnlyDictionary<UserStatus, string> Statuses = new Dictionary<UserStatus, string>
    {
        [UserStatus.Active] = "正常",
        [UserStatus.Disabled] = "已停用",
        [UserStatus.Locked] = "已锁定",
    };

    /// <summary>The roles as the form groups them; the admin group is exclusive (三权分立).</summary>
    public static readonly IReadOnlyList<(string Legend, string[] Roles)> RoleGroups =
    [
        ("社区与街道", [Roles.CommunityStaff, Roles.ContractedDoctor, Roles.StreetCoordinator]),
        ("区残联", [Roles.DistrictReviewer, Roles.DistrictApprover]),
        ("服务机构", [Roles.AssessmentInstitution, Roles.DeviceTechnician, Roles.RehabInstitution, Roles.DeviceServiceInstitution]),
        ("管理员（三者互斥）", [Roles.DistrictAdmin, Roles.SecurityAdmin, Roles.AuditAdmin]),
    ];

    public static string Role(string role) => Roles.DisplayNames.GetValueOrDefault(role, role);

    public static string RoleList(IEnumerable<string> roles) => string.Join("、", roles.Select(Role)) is { Length: > 0 } text ? text : "—";

    /// <summary>Where the account works: an institution, an area, or the whole district.</summary>
    public static string Scope(UserRow row, string districtName) =>
        row.InstitutionName ?? (row.AreaName is { } area ? Organization.AreaNames.Brief(area) : null) ?? (row.InstitutionId is not null || row.AreaCode is not null ? "（已撤销的范围）" : "全区（" + districtName + "）");

    public static bool IsAdmin(IEnumerable<string> roles) => roles.Any(UserRules.AdminRoles.Contains);
}
