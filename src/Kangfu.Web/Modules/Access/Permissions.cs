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
    /// <summary>See subsidy applications, budgets and service cards in one's scope.</summary>
    SubsidyRead,
    /// <summary>Apply for a subsidy for a case (and resubmit a returned application).</summary>
    SubsidyApply,
    /// <summary>First-level decision (街道审批): approve, return or reject.</summary>
    SubsidyApproveStreet,
    /// <summary>Second-level decision (区级审批): approve against a fund source's budget, return or reject.</summary>
    SubsidyApproveDistrict,
    /// <summary>Enter fund sources and yearly budgets (data, audited).</summary>
    BudgetManage,
    /// <summary>Institution workspace: plans, session records, device hand-over, served marking.</summary>
    ServiceDeliver,
    /// <summary>Settle delivered services against a service card (including instant settlement at the counter).</summary>
    Settle,
    /// <summary>Statistics reports of one's area (service rate); area roles only, never institutions.</summary>
    ReportRead,
}

/// <summary>Which role may do what. Data scope (area/institution) is enforced separately, in every query.</summary>
public static class Permissions
{
    private static readonly Dictionary<string, Permission[]> Matrix = new()
    {
        [Roles.CommunityStaff] = [Permission.PersonRead, Permission.PersonWrite, Permission.PersonReveal, Permission.PersonImport, Permission.PersonExport, Permission.IntakeWrite, Permission.SubsidyRead, Permission.SubsidyApply, Permission.ReportRead],
        [Roles.ContractedDoctor] = [Permission.PersonRead, Permission.PersonReveal, Permission.IntakeWrite],
        [Roles.StreetCoordinator] = [Permission.PersonRead, Permission.PersonWrite, Permission.PersonReveal, Permission.PersonImport, Permission.PersonExport, Permission.CampaignManage, Permission.SubsidyRead, Permission.SubsidyApply, Permission.SubsidyApproveStreet, Permission.ReportRead],
        [Roles.DistrictReviewer] = [Permission.PersonRead, Permission.PersonReveal, Permission.PersonExport, Permission.SubsidyRead, Permission.ReportRead],
        [Roles.DistrictApprover] = [Permission.PersonRead, Permission.PersonReveal, Permission.PersonExport, Permission.PersonExportUnmasked, Permission.SubsidyRead, Permission.SubsidyApproveDistrict, Permission.BudgetManage, Permission.ReportRead],
        [Roles.AssessmentInstitution] = [Permission.PersonRead, Permission.PersonReveal],
        [Roles.DeviceTechnician] = [Permission.PersonRead, Permission.PersonReveal],
        [Roles.RehabInstitution] = [Permission.PersonRead, Permission.PersonReveal, Permission.SubsidyRead, Permission.ServiceDeliver, Permission.Settle],
        [Roles.DeviceServiceInstitution] = [Permission.PersonRead, Permission.PersonReveal, Permission.SubsidyRead, Permission.ServiceDeliver, Permission.Settle],
        // Separation of duties: the system admin runs the registry and the organisation but reads no audit;
        // the security admin manages accounts only; the audit admin reads the audit log only. No admin approves or settles money.
        [Roles.DistrictAdmin] = [Permission.PersonRead, Permission.PersonWrite, Permission.PersonImport, Permission.PersonExport, Permission.OrganizationManage, Permission.CatalogManage, Permission.CampaignManage, Permission.ReportRead],
        [Roles.SecurityAdmin] = [Permission.UserManage],
        [Roles.AuditAdmin] = [Permission.AuditRead],
    };

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Matrix.TryGetValue(r, out var granted) && granted.Contains(permission));
}
