using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Subsidies;

/// <summary>
/// 服务卡: one per person and year, numbered KF-{district}-{year}-{sequence}; carries the approved items and their
/// balances. The QR code encodes the card number and a verification path, never the ID number.
/// </summary>
public sealed class ServiceCard : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public int Sequence { get; set; }
    public Guid PersonId { get; set; }
    public int Year { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public DateTime IssuedAt { get; set; }
    public Guid Version { get; set; }
    public List<ServiceCardItem> Items { get; set; } = [];
}

/// <summary>One approved item on a card: the approved amount, what was settled against it, and the balance.</summary>
public sealed class ServiceCardItem : ITenantEntity, IAudited, IVersioned
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid CardId { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid CaseId { get; set; }
    public Guid ServiceItemId { get; set; }
    public string ServiceItemCode { get; set; } = "";
    public string ServiceItemName { get; set; } = "";
    public Guid FundSourceId { get; set; }
    public decimal ApprovedAmount { get; set; }
    public decimal Spent { get; set; }
    public Guid Version { get; set; }

    public decimal Balance => ApprovedAmount - Spent;
}
