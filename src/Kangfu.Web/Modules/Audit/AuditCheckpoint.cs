using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// What a purge removed from one chain: the consecutive sequences <see cref="FirstSequence"/> … <see cref="LastSequence"/>,
/// the hash before them (<see cref="PrevHash"/>: the previous row's hash, which was the first removed row's PrevHash) and the
/// hash of the last removed row (<see cref="LastHash"/>: the next kept row's PrevHash), signed with a key outside the
/// database (<see cref="AuditCheckpointSignature"/>). <c>verify-audit</c> accepts a gap exactly when such a checkpoint covers
/// it. Append-only like the audit rows (application and database triggers).
/// </summary>
public sealed class AuditCheckpoint : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public int Chain { get; set; }
    public long FirstSequence { get; set; }
    public long LastSequence { get; set; }
    /// <summary>Rows removed: LastSequence − FirstSequence + 1.</summary>
    public long Count { get; set; }
    public string PrevHash { get; set; } = "";
    public string LastHash { get; set; } = "";
    /// <summary>When the purge ran (UTC, microseconds).</summary>
    public DateTime PurgedAt { get; set; }
    /// <summary>HMAC-SHA256 (hex) over every field above.</summary>
    public string Signature { get; set; } = "";
}
