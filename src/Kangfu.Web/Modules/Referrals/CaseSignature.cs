using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Referrals;

/// <summary>
/// The signatures drawn at the device home assessment (残疾人或监护人、服务人员签字, national spec §4.1 step 7), as PNG,
/// tied to the history row of the submission. Kept out of <see cref="RehabCase"/> so that queues never load images.
/// </summary>
public sealed class CaseSignature : ITenantEntity, IAudited
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid TransitionId { get; set; }
    public byte[] PersonSignature { get; set; } = [];
    public byte[] StaffSignature { get; set; } = [];
    public DateTime SignedAt { get; set; }

    public static CaseSignature Of(RehabCase c, CaseTransition t, byte[] person, byte[] staff, DateTime at) => new()
    {
        DistrictCode = c.DistrictCode,
        Id = Guid.CreateVersion7(),
        CaseId = c.Id,
        TransitionId = t.Id,
        PersonSignature = person,
        StaffSignature = staff,
        SignedAt = at,
    };
}
