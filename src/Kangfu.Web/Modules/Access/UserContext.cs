using System.Security.Claims;

namespace Kangfu.Web.Modules.Access;

/// <summary>Who is acting, and the data scope they act in. Built from the claims issued at login.</summary>
public sealed record UserContext(
    string UserId,
    string UserName,
    string DisplayName,
    string DistrictCode,
    string? AreaPrefix,
    Guid? InstitutionId,
    IReadOnlyList<string> Roles,
    string? Ip)
{
    public const string DistrictClaim = "kangfu:district";
    public const string AreaClaim = "kangfu:area";
    public const string InstitutionClaim = "kangfu:institution";
    public const string DisplayNameClaim = "kangfu:display";
    public const string DirectionClaim = "kangfu:direction";

    /// <summary>Device directions of a technician (辅具方向); None for everyone else.</summary>
    public Organization.DeviceDirection Direction { get; init; }

    public static readonly UserContext System = new("system", "system", "系统", "", null, null, [], null);

    public bool IsInstitutionScoped => InstitutionId is not null;

    public bool Can(Permission permission) => Permissions.Allows(Roles, permission);

    public void Demand(Permission permission)
    {
        if (!Can(permission))
        {
            throw new UnauthorizedAccessException("您没有执行此操作的权限。");
        }
    }

    public static UserContext? FromPrincipal(ClaimsPrincipal principal, string? ip)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var institution = principal.FindFirstValue(InstitutionClaim);
        return new UserContext(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.Identity.Name ?? "",
            principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity.Name ?? "",
            principal.FindFirstValue(DistrictClaim) ?? "",
            principal.FindFirstValue(AreaClaim),
            Guid.TryParse(institution, out var id) ? id : null,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            ip)
        {
            Direction = int.TryParse(principal.FindFirstValue(DirectionClaim), global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? (Organization.DeviceDirection)d : Organization.DeviceDirection.None,
        };
    }
}
