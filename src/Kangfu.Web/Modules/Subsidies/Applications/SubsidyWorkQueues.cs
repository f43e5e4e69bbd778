using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Home.MyWork;

namespace Kangfu.Web.Modules.Subsidies.Applications;

/// <summary>我的待办 lines of the subsidy module: applications waiting for the street or the district, and returned ones.</summary>
public sealed class SubsidyWorkQueues(ApplicationQueries queries) : IWorkQueueSource
{
    public async Task<IReadOnlyList<WorkQueueCount>> CountsAsync(UserContext user, CancellationToken ct = default) =>
        (await queries.CountsAsync(user, ct))
            .Select(q => new WorkQueueCount(
                q.State == ApplicationState.Returned ? "补贴申请被退回" : ApplicationStates.Name(q.State),
                q.Count,
                $"/subsidies?state={(int)q.State}",
                Urgent: q.State == ApplicationState.Returned && q.Count > 0))
            .ToList();
}
