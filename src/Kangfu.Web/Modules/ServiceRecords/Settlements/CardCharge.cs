using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Subsidies;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.ServiceRecords.Settlements;

public class SettleInput
{
    /// <summary>The card item to charge; may be left out when the case has exactly one.</summary>
    public Guid? CardItemId { get; set; }
    /// <summary>The card item's version the user saw: a settlement made meanwhile makes this one a 409.</summary>
    public Guid Version { get; set; }
}

public sealed record SettlementResult(Guid Id, string Number, decimal Total, decimal SubsidyAmount, decimal OwnShare, decimal BalanceAfter, Guid CardItemVersion);

/// <summary>
/// Charges a card item: checks the version the user saw and the card's validity, moves the amount to Spent, writes the
/// settlement and the timeline line, and saves under the item's version (two settlements at once: one gets a 409).
/// </summary>
internal static class CardCharge
{
    public const string ConflictMessage = "该服务卡已被其他结算更新，请刷新后重试。";

    public static async Task<ServiceCardItem> LoadAsync(KangfuDbContext db, Guid caseId, SettleInput input, DateOnly today, CancellationToken ct)
    {
        var items = await db.ServiceCardItems.Where(i => i.CaseId == caseId && (input.CardItemId == null || i.Id == input.CardItemId)).ToListAsync(ct);
        if (items.Count == 0)
        {
            throw new DomainException("该个案没有已批准的服务卡项目，不能结算。");
        }
        if (items.Count > 1)
        {
            throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.CardItemId)] = "请选择要结算的服务卡项目" });
        }
        var item = items[0];
        if (item.Version != input.Version)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
        var card = await db.ServiceCards.AsNoTracking().FirstAsync(c => c.DistrictCode == item.DistrictCode && c.Id == item.CardId, ct);
        if (today < card.ValidFrom || today > card.ValidTo)
        {
            throw new DomainException($"服务卡{card.Number}不在有效期内（至{card.ValidTo:yyyy-MM-dd}），不能结算。");
        }
        return item;
    }

    public static async Task<SettlementResult> ChargeAsync(KangfuDbContext db, UserContext user, ServiceCardItem item, IReadOnlyList<ServiceSession> sessions,
        decimal subsidy, bool instant, DateTime now, CancellationToken ct)
    {
        var total = sessions.Sum(s => s.Amount);
        item.Spent += subsidy;
        var id = Guid.CreateVersion7();
        foreach (var session in sessions)
        {
            session.SettlementId = id;
        }
        var settlement = new Settlement
        {
            DistrictCode = item.DistrictCode,
            Id = id,
            Number = $"JS-{now:yyyyMMdd}-{id.ToString("N")[^10..].ToUpperInvariant()}",
            CardItemId = item.Id,
            CaseId = item.CaseId,
            PersonId = await db.ServiceCards.Where(c => c.DistrictCode == item.DistrictCode && c.Id == item.CardId).Select(c => c.PersonId).FirstAsync(ct),
            InstitutionId = user.InstitutionId!.Value,
            Instant = instant,
            Total = total,
            SubsidyAmount = subsidy,
            OwnShare = total - subsidy,
            BalanceAfter = item.Balance,
            At = now,
            UserName = user.DisplayName.Length > 50 ? user.DisplayName[..50] : user.DisplayName,
        };
        db.Settlements.Add(settlement);
        db.PersonEvents.Add(PersonEvent.Create(item.DistrictCode, settlement.PersonId, now, "services.settled",
            $"{(instant ? "即时结算" : "服务结算")}（{item.ServiceItemName}）{SubsidyMoney.Format(subsidy)}",
            $"结算单{settlement.Number}；费用{SubsidyMoney.Format(total)}，个人负担{SubsidyMoney.Format(settlement.OwnShare)}，卡内余额{SubsidyMoney.Format(item.Balance)}", user.DisplayName));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
        return new SettlementResult(settlement.Id, settlement.Number, total, subsidy, settlement.OwnShare, item.Balance, item.Version);
    }
}
