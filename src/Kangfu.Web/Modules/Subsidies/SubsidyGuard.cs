using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies;

/// <summary>A case whose catalog item carries a subsidy is finished only once the subsidy is approved onto a service card.</summary>
public static class SubsidyGuard
{
    public static async Task RequireCardItemAsync(KangfuDbContext db, RehabCase c, CancellationToken ct)
    {
        if (c.ServiceItemId is not { } itemId)
        {
            return;
        }
        var amount = await db.ServiceItems.Where(i => i.DistrictCode == c.DistrictCode && i.Id == itemId).Select(i => i.SubsidyAmount).FirstOrDefaultAsync(ct);
        if (amount > 0 && !await db.ServiceCardItems.AnyAsync(i => i.DistrictCode == c.DistrictCode && i.CaseId == c.Id, ct))
        {
            throw new DomainException($"“{c.ServiceItemName}”有补贴标准，须先经补贴审批并列入服务卡，才能标记服务完成。");
        }
    }
}
