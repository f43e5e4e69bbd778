using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Catalog.Devices;
using Kangfu.Web.Modules.Catalog.Seeding;
using Kangfu.Web.Modules.FollowUps.Rules;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Registry.DemoData;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Platform.Demo;

public sealed record DemoLogin(string UserName, string Role, string Scope, string? TotpSecret = null);

/// <summary>The demo district 天津市滨海新区 (120116): real area tree, institutions, one login per role, ~20,000 persons.</summary>
public sealed class DemoDistrict(KangfuDbFactory dbFactory, AreaImporter areas, UserSeeder users, TimeProvider clock, CatalogSeeder catalog, ImportDevices devices, FollowUpRuleSeeder followUpRules,
    Modules.Subsidies.Budgets.DemoBudgets budgets)
{
    public const string DistrictCode = "120116";
    public const string Password = "Kangfu@2026demo";

    /// <summary>
    /// The known TOTP secret (base32) of a demo admin login (admin, security, auditor): add it to an authenticator app
    /// (or scan the QR at /account/mfa after signing in) to get the 6-digit code. Printed in the demo banner. Demo only.
    /// </summary>
    public static string TotpSecret(string userName) => ("KFDEMO" + new string(userName.ToUpperInvariant().Where(c => c is >= 'A' and <= 'Z').ToArray())).PadRight(32, 'A');
    public const string TangguStreet = "120116001000";

    public async Task<IReadOnlyList<DemoLogin>> EnsureAsync(int persons, int seed = 20261123, CancellationToken ct = default)
    {
        await using (var db = dbFactory.CreateDbContext())
        {
            if (!await db.Areas.AnyAsync(a => a.DistrictCode == DistrictCode, ct))
            {
                await areas.ImportAsync(DistrictCode, null, ct);
            }
        }
        var institutions = await EnsureInstitutionsAsync(ct);
        var logins = await EnsureUsersAsync(institutions);
        await EnsurePersonsAsync(persons, seed, ct);
        await catalog.HandleAsync(DistrictCode, clock.Today().Year, ct);
        await EnsureDevicesAsync(ct);
        await followUpRules.HandleAsync(DistrictCode, ct);
        await budgets.EnsureAsync(DistrictCode, clock.Today().Year, ct);
        return logins;
    }

    private async Task<Dictionary<string, Guid>> EnsureInstitutionsAsync(CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.Institutions.Where(i => i.DistrictCode == DistrictCode).ToDictionaryAsync(i => i.Name, i => i.Id, ct);
        var specs = new (string Name, InstitutionKind Kinds, DeviceDirection Directions)[]
        {
            ("滨海新区残疾人康复评估中心", InstitutionKind.Assessment, DeviceDirection.None),
            ("滨海新区辅助器具服务中心", InstitutionKind.DeviceAssessment | InstitutionKind.DeviceService, DeviceDirection.All),
            ("滨海新区康复医院", InstitutionKind.DesignatedRehab | InstitutionKind.Hospital, DeviceDirection.None),
            ("塘沽街社区康复站", InstitutionKind.DesignatedRehab, DeviceDirection.None),
            ("滨海新区精神卫生中心", InstitutionKind.Hospital | InstitutionKind.Pharmacy, DeviceDirection.None),
        };
        foreach (var spec in specs.Where(s => !existing.ContainsKey(s.Name)))
        {
            var institution = new Institution
            {
                DistrictCode = DistrictCode,
                Id = Guid.CreateVersion7(),
                Name = spec.Name,
                Kinds = spec.Kinds,
                Directions = spec.Directions,
                QualifiedUntil = clock.Today().AddYears(2),
            };
            institution.ServiceAreas.Add(new InstitutionServiceArea { DistrictCode = DistrictCode, InstitutionId = institution.Id, AreaCode = "120116000000" });
            db.Institutions.Add(institution);
            existing[spec.Name] = institution.Id;
        }
        await db.SaveChangesAsync(ct);
        return existing;
    }

    private async Task<IReadOnlyList<DemoLogin>> EnsureUsersAsync(Dictionary<string, Guid> institutions)
    {
        await users.EnsureRolesAsync();
        var community = "120116001016"; // 紫云园社区居委会 (a real NBS code)
        var otherCommunity = "120116005001";
        var specs = new (NewUser User, string Scope)[]
        {
            (new("admin", "区系统管理员", Roles.DistrictAdmin, DistrictCode), "滨海新区"),
            (new("security", "安全管理员", Roles.SecurityAdmin, DistrictCode), "账号与权限"),
            (new("auditor", "审计管理员", Roles.AuditAdmin, DistrictCode), "审计日志"),
            (new("reviewer", "区残联审核员", Roles.DistrictReviewer, DistrictCode), "滨海新区"),
            (new("approver", "区残联审批员", Roles.DistrictApprover, DistrictCode), "滨海新区"),
            (new("street", "塘沽街道协调员", Roles.StreetCoordinator, DistrictCode, TangguStreet), "塘沽街道"),
            (new("community", "社区专职委员", Roles.CommunityStaff, DistrictCode, community), "塘沽街道第一个社区"),
            (new("community2", "社区专职委员（杭州道）", Roles.CommunityStaff, DistrictCode, otherCommunity), "杭州道街道第一个社区"),
            (new("doctor", "社区签约医生", Roles.ContractedDoctor, DistrictCode, community), "塘沽街道第一个社区"),
            (new("assessor", "评估机构人员", Roles.AssessmentInstitution, DistrictCode, null, institutions["滨海新区残疾人康复评估中心"]), "转介到评估中心的人员"),
            (new("technician", "辅具技术人员", Roles.DeviceTechnician, DistrictCode, null, institutions["滨海新区辅助器具服务中心"], DeviceDirection.All), "转介到辅具中心的人员"),
            (new("rehab", "康复机构人员", Roles.RehabInstitution, DistrictCode, null, institutions["滨海新区康复医院"]), "转介到康复医院的人员"),
            (new("device", "辅具服务机构人员", Roles.DeviceServiceInstitution, DistrictCode, null, institutions["滨海新区辅助器具服务中心"]), "转介到辅具中心的人员"),
        };
        foreach (var (spec, _) in specs)
        {
            var user = await users.EnsureUserAsync(spec, Password);
            if (LoginHandler.MfaRoles.Contains(spec.Role))
            {
                await users.EnrollAuthenticatorAsync(user, TotpSecret(spec.UserName));
            }
        }
        return specs.Select(s => new DemoLogin(s.User.UserName, Roles.DisplayNames[s.User.Role], s.Scope,
            LoginHandler.MfaRoles.Contains(s.User.Role) ? TotpSecret(s.User.UserName) : null)).ToList();
    }

    private async Task EnsureDevicesAsync(CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.DeviceProducts.AnyAsync(p => p.DistrictCode == DistrictCode, ct))
        {
            await devices.HandleAsync(DistrictCode, null, ct);
        }
    }

    private async Task EnsurePersonsAsync(int count, int seed, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        if (count <= 0 || await db.Persons.AnyAsync(p => p.DistrictCode == DistrictCode, ct))
        {
            return;
        }
        var communities = await db.Areas.Where(a => a.DistrictCode == DistrictCode && a.Level == 5).Select(a => a.Code).OrderBy(c => c).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var persons = DemoPersonGenerator.Generate(DistrictCode, communities, count, seed, today, now);
        await Modules.Registry.Import.PersonBulkWriter.InsertNewAsync(db, persons, ct);
    }
}
