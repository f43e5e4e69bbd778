namespace Kangfu.Web.Modules.Access;

public enum Permission
{
    PersonRead,
    PersonWrite,
    PersonReveal,
    PersonImport,
    PersonExport,
    PersonExportUnmasked,
    OrganizationManage,
    UserManage,
    AuditRead,
    CatalogManage,
    /// <summary>Fill and submit the home intake form (精准康复入户), and withdraw it.</summary>
    IntakeWrite,
    /// <summary>Open a yearly needs-survey campaign for a street or community.</summary>
    CampaignManage,
}

/// <summary>Which role may do what. Data scope (area/institution) is enforced separately, in every query.</summary>
public static class Permissions
{
    private static readonly Dictionary<string, Permission[]> Matrix = new()
    {
        [Roles.CommunityStaff] = [Permission.PersonRead, Permission.PersonWrite, Permission.PersonReveal, Permission.PersonImport, Permission.PersonExport, Permission.IntakeWrite],
        [Roles.ContractedDoctor] = [Permission.PersonRead, Permission.PersonReveal, Permission.IntakeWrite],
        [Roles.StreetCoordinator] = [Permission.PersonRead, Permission.PersonWrite, Permission.PersonReveal, Permission.PersonImport, Permission.PersonExport, Permission.CampaignManage],
        [Roles.DistrictReviewer] = [Permission.PersonRead, Permission.PersonReveal, Permission.PersonExport],
        [Roles.DistrictApprover] = [Permission.PersonRead, Permission.PersonReveal, Permission.PersonExport, Permission.PersonExportUnmasked],
        [Roles.AssessmentInstitution] = [Permission.PersonRead, Permission.PersonReveal],
        [Roles.DeviceTechnician] = [Permission.PersonRead, Permission.PersonReveal],
        [Roles.RehabInstitution] = [Permission.PersonRead, Permission.PersonReveal],
        [Roles.DeviceServiceInstitution] = [Permission.PersonRead, Permission.PersonReveal],
        // Separation of duties: the system admin runs the registry and the organisation but reads no audit;
        // the security admin manages accounts only; the audit admin reads the audit log only.
        [Roles.DistrictAdmin] = [Permission.PersonRead, Permission.PersonWrite, Permission.PersonImport, Permission.PersonExport, Permission.OrganizationManage, Permission.CatalogManage, Permission.CampaignManage],
        [Roles.SecurityAdmin] = [Permission.UserManage],
        [Roles.AuditAdmin] = [Permission.AuditRead],
    };

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Matrix.TryGetValue(r, out var granted) && granted.Contains(permission));
}
