using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.ServiceRecords;

/// <summary>The case an institution user delivers on: in the user's case scope, and in a service stage (queued or served).</summary>
public static class DeliveryScope
{
    public static async Task<RehabCase> CaseAsync(KangfuDbContext db, UserContext user, Guid caseId, Permission permission, CancellationToken ct)
    {
        user.Demand(permission);
        if (user.InstitutionId is null)
        {
            throw new UnauthorizedAccessException("只有服务机构的用户可以记录服务。");
        }
        var c = await (await db.VisibleToAsync(user, ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException();
        if (!InService(c.State))
        {
            throw new DomainException($"个案状态为“{CaseStates.Name(c.State)}”，不在服务阶段，不能记录服务或结算。");
        }
        return c;
    }

    public static bool InService(CaseState state) => state is >= CaseState.AwaitingService and <= CaseState.FollowUpDue;
}
