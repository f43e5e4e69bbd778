using Kangfu.Web.Modules.Access;
using static Kangfu.Web.Modules.Referrals.CaseState;

namespace Kangfu.Web.Modules.Referrals.CaseQueue;

public enum QueueKey
{
    HomeAssessment = 1,
    Withdrawable = 2,
    InstitutionAssessment = 3,
    Review = 4,
    RehabService = 5,
    DeviceService = 6,
}

/// <summary>A work queue: the states it holds and the roles it belongs to.</summary>
public sealed record QueueDefinition(QueueKey Key, string Name, CaseState[] States, string[] Roles);

/// <summary>The work queues of the national flow (docs/reference/national-specs.md §6), one or more per role.</summary>
public static class CaseQueues
{
    public static readonly IReadOnlyList<QueueDefinition> All =
    [
        new(QueueKey.HomeAssessment, "辅具上门评估", [AwaitingHomeAssessment, HomeAssessing, Screening], [Roles.CommunityStaff, Roles.ContractedDoctor]),
        new(QueueKey.Withdrawable, "已提交（可撤回）",
            [AwaitingInstitutionAssessment, AwaitingService, AwaitingHomeAssessment, AwaitingDeviceReview, AwaitingProsthesisReview, AwaitingAccessibilityReview],
            [Roles.CommunityStaff, Roles.ContractedDoctor]),
        new(QueueKey.InstitutionAssessment, "机构评估", [AwaitingInstitutionAssessment, InstitutionAssessing], [Roles.AssessmentInstitution]),
        new(QueueKey.Review, "辅具审核", [AwaitingDeviceReview, AwaitingProsthesisReview, AwaitingAccessibilityReview, InReview, AwaitingReassessment], [Roles.DeviceTechnician]),
        new(QueueKey.RehabService, "康复服务", [AwaitingService], [Roles.RehabInstitution]),
        new(QueueKey.DeviceService, "辅具服务", [AwaitingDeviceService, AwaitingProsthesisService, AwaitingRetrofit], [Roles.DeviceServiceInstitution]),
    ];

    public static IReadOnlyList<QueueDefinition> For(UserContext user) =>
        All.Where(q => q.Roles.Intersect(user.Roles).Any()).ToList();

    public static QueueDefinition Get(QueueKey key) => All.First(q => q.Key == key);
}
