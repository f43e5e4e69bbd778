using Kangfu.Web.Modules.Organization;
using Microsoft.AspNetCore.Identity;

namespace Kangfu.Web.Modules.Access;

/// <summary>A login. Its scope is an area subtree (AreaCode) or an institution (InstitutionId), always within one district.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string DistrictCode { get; set; } = "";
    /// <summary>12-digit code of the area the user works for; its subtree is what they see.</summary>
    public string? AreaCode { get; set; }
    public Guid? InstitutionId { get; set; }
    public DeviceDirection Direction { get; set; }
    public bool IsActive { get; set; } = true;
}
