using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Subsidies;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.ServiceRecords.Settlements;

/// <summary>
/// 服务结算: the institution's unsettled session and hand-over records of the case, charged to the card item in full.
/// Never overspends: a total above the balance is refused (settle fewer records, or the person pays at the counter).
/// </summary>
public sealed class SettleSessions(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<SettlementResult> HandleAsync(UserContext user, Guid caseId, SettleInput input, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var c = await DeliveryScope.CaseAsync(db, user, caseId, Permission.Settle, ct);
        var item = await CardCharge.LoadAsync(db, c.Id, input, clock.Today(), ct);
        var sessions = await db.ServiceSessions
            .Where(s => s.DistrictCode == c.DistrictCode && s.CaseId == c.Id && s.InstitutionId == user.InstitutionId && s.SettlementId == null && s.Kind != SessionKind.Counter)
            .ToListAsync(ct);
        if (sessions.Count == 0)
        {
            throw new DomainException("没有待结算的服务记录。");
        }
        var total = sessions.Sum(s => s.Amount);
        if (total > item.Balance)
        {
            throw new DomainException($"本次结算金额{SubsidyMoney.Format(total)}超过服务卡余额{SubsidyMoney.Format(item.Balance)}，不能超额结算。");
        }
        return await CardCharge.ChargeAsync(db, user, item, sessions, total, instant: false, clock.GetUtcNow().UtcDateTime, ct);
    }
}
