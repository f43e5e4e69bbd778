using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Access;

/// <summary>
/// Lets an institution's users see one person: written when a case is referred to the institution
/// (by the referral module), revoked when the case leaves it. Institution users see only granted persons.
/// </summary>
public sealed class CaseAccessGrant : ITenantEntity, IAudited
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string Reason { get; set; } = "";
}
