using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Surveys;

namespace Kangfu.Web.Modules.Referrals;

/// <summary>One ticked need of a submitted intake, with the catalog facts the route depends on.</summary>
public sealed record RoutedNeed(Guid IntakeNeedId, Guid ServiceItemId, string ItemCode, string ItemName,
    DisabilityCategory Category, bool IsDeviceNeed, ServiceDirection Direction);

/// <summary>The intake facts every routed case copies.</summary>
public sealed record RouteSource(string DistrictCode, Guid IntakeId, Guid PersonId, string AreaCode, int Year, bool HomeServiceRequested);

/// <summary>
/// Routing conditions 1–3 (docs/reference/national-specs.md §2, §8.1): one case per ticked need of a submitted
/// intake. Pure: it builds the cases and their creation rows; the caller saves them with the intake.
/// </summary>
public static class CaseRouter
{
    /// <summary>
    /// Where a need goes. Condition 1 follows module 1's wording (§3.6), not the overview's: a device need goes to
    /// the device home assessment WHATEVER direction was ticked, because the device module is where devices are
    /// assessed and fitted; the overview's extra guard (direction = 上门评估) would leave a device need with
    /// 转介服务机构 in a service queue that cannot fit devices. A non-device need with 上门评估 has no national
    /// route: it waits for the institution assessment, flagged as a home visit (§8.1 proposal).
    /// </summary>
    public static (CaseKind Kind, CaseState State, bool HomeVisit) Target(bool isDeviceNeed, ServiceDirection direction) =>
        isDeviceNeed
            ? (CaseKind.Device, CaseState.AwaitingHomeAssessment, false)
            : direction switch
            {
                ServiceDirection.ToAssessmentInstitution => (CaseKind.Service, CaseState.AwaitingInstitutionAssessment, false),
                ServiceDirection.ToServiceInstitution => (CaseKind.Service, CaseState.AwaitingService, false),
                ServiceDirection.HomeAssessment => (CaseKind.Service, CaseState.AwaitingInstitutionAssessment, true),
                _ => throw new ArgumentOutOfRangeException(nameof(direction)),
            };

    public static DeviceDirection DirectionOf(DisabilityCategory category) => category switch
    {
        DisabilityCategory.Visual => DeviceDirection.Vision,
        DisabilityCategory.Hearing => DeviceDirection.Hearing,
        _ => DeviceDirection.Limb,
    };

    public static IReadOnlyList<(RehabCase Case, CaseTransition Created)> Route(RouteSource source, IEnumerable<RoutedNeed> needs, UserContext user, DateTime now) =>
        needs.Select(need => Open(source, need, user, now)).ToList();

    private static (RehabCase, CaseTransition) Open(RouteSource source, RoutedNeed need, UserContext user, DateTime now)
    {
        var (kind, state, homeVisit) = Target(need.IsDeviceNeed, need.Direction);
        var c = new RehabCase
        {
            DistrictCode = source.DistrictCode,
            Id = Guid.CreateVersion7(),
            PersonId = source.PersonId,
            AreaCode = source.AreaCode,
            Year = source.Year,
            Kind = kind,
            State = state,
            // The intake may pull the case back (撤回) until the next module acts on it (rule 3.7).
            WithdrawTo = CaseState.Withdrawn,
            Category = need.Category,
            ServiceItemId = need.ServiceItemId,
            ServiceItemCode = need.ItemCode,
            ServiceItemName = need.ItemName,
            IntakeId = source.IntakeId,
            IntakeNeedId = need.IntakeNeedId,
            Direction = kind == CaseKind.Device ? DirectionOf(need.Category) : default,
            HomeServiceRequested = source.HomeServiceRequested,
            HomeVisitRequested = homeVisit,
            CreatedAt = now,
            StateChangedAt = now,
        };
        var created = CaseWorkflow.Record(c, state, state, CaseAction.Route, user, now);
        return (c, created);
    }
}
