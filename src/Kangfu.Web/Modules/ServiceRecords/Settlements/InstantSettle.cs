using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.ServiceRecords.Settlements;

public sealed class InstantSettleInput : SettleInput
{
    /// <summary>The bill total at the counter.</summary>
    public decimal? BillTotal { get; set; }
    public string? Content { get; set; }
    public string? ProviderName { get; set; }
}

/// <summary>
/// 即时结算 for counter services: the bill total is entered at the counter; the card pays min(total, balance), the person
/// the rest; the service is recorded and settled at once, and a receipt can be printed.
/// </summary>
public sealed class InstantSettle(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<SettlementResult> HandleAsync(UserContext user, Guid caseId, InstantSettleInput input, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var c = await DeliveryScope.CaseAsync(db, user, caseId, Permission.Settle, ct);
        if (input.BillTotal is not { } total || total <= 0 || total > 1_000_000)
        {
            throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.BillTotal)] = "请填写费用总额（大于0）" });
        }
        total = decimal.Round(total, 2);
        var today = clock.Today();
        var item = await CardCharge.LoadAsync(db, c.Id, input, today, ct);
        if (item.Balance <= 0)
        {
            throw new DomainException("服务卡该项目余额为0，不能结算，费用由个人负担。");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new ServiceSession
        {
            DistrictCode = c.DistrictCode,
            Id = Guid.CreateVersion7(),
            CaseId = c.Id,
            PersonId = c.PersonId,
            InstitutionId = user.InstitutionId!.Value,
            Kind = SessionKind.Counter,
            Date = today,
            ProviderName = string.IsNullOrWhiteSpace(input.ProviderName) ? user.DisplayName : input.ProviderName.Trim(),
            Content = string.IsNullOrWhiteSpace(input.Content) ? "窗口服务" : input.Content.Trim(),
            Quantity = 1,
            UnitPrice = total,
            Amount = total,
            RecordedAt = now,
            RecordedBy = user.DisplayName,
        };
        db.ServiceSessions.Add(session);
        return await CardCharge.ChargeAsync(db, user, item, [session], Math.Min(total, item.Balance), instant: true, now, ct);
    }
}
