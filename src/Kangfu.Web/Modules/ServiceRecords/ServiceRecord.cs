using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.ServiceRecords;

/// <summary>个人服务计划 of one case at the serving institution: goals and schedule.</summary>
public sealed class ServicePlan : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public Guid InstitutionId { get; set; }
    public string Goals { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>e.g. 每周3次，每次45分钟.</summary>
    public string Frequency { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

public enum SessionKind
{
    Session = 0,
    Handover = 1,
    Counter = 2,
}

/// <summary>One delivered service: a session (服务记录), a device hand-over (辅具交付) or a counter service (即时结算).</summary>
public sealed class ServiceSession : ITenantEntity, IAudited
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public Guid InstitutionId { get; set; }
    public SessionKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string ProviderName { get; set; } = "";
    public string Content { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
    /// <summary>Device hand-over: product code of the device catalog and serial number.</summary>
    public string? DeviceCode { get; set; }
    public string? SerialNumber { get; set; }
    public Guid? SettlementId { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public enum SettlementState
{
    Submitted = 0,
    Paid = 1,
}

/// <summary>
/// 结算: delivered services charged to one card item. The subsidy share never exceeds the item's balance
/// (the card item's version guards concurrent settlements); the rest is the person's own share.
/// </summary>
public sealed class Settlement : ITenantEntity, IAudited
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public Guid CardItemId { get; set; }
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public Guid InstitutionId { get; set; }
    public bool Instant { get; set; }
    public decimal Total { get; set; }
    public decimal SubsidyAmount { get; set; }
    public decimal OwnShare { get; set; }
    public decimal BalanceAfter { get; set; }
    public SettlementState State { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
}
