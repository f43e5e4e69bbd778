using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Surveys;

namespace Kangfu.UnitTests.Referrals;

/// <summary>Routing conditions 1–3 as a table (national-specs §2, §8.1; condition 1 in module 1's wording).</summary>
public sealed class CaseRouterTests
{
    [Theory]
    [InlineData(true, ServiceDirection.HomeAssessment, CaseKind.Device, CaseState.AwaitingHomeAssessment, false)]
    [InlineData(true, ServiceDirection.ToAssessmentInstitution, CaseKind.Device, CaseState.AwaitingHomeAssessment, false)]
    [InlineData(true, ServiceDirection.ToServiceInstitution, CaseKind.Device, CaseState.AwaitingHomeAssessment, false)]
    [InlineData(false, ServiceDirection.ToAssessmentInstitution, CaseKind.Service, CaseState.AwaitingInstitutionAssessment, false)]
    [InlineData(false, ServiceDirection.ToServiceInstitution, CaseKind.Service, CaseState.AwaitingService, false)]
    [InlineData(false, ServiceDirection.HomeAssessment, CaseKind.Service, CaseState.AwaitingInstitutionAssessment, true)]
    public void Target(bool device, ServiceDirection direction, CaseKind kind, CaseState state, bool homeVisit) =>
        Assert.Equal((kind, state, homeVisit), CaseRouter.Target(device, direction));

    [Fact]
    public void Every_routed_case_can_be_withdrawn_until_the_next_module_acts()
    {
        foreach (var device in new[] { true, false })
        {
            foreach (var direction in Enum.GetValues<ServiceDirection>())
            {
                var (kind, state, _) = CaseRouter.Target(device, direction);
                Assert.True(CaseWorkflow.CanWithdraw(new RehabCase { Kind = kind, State = state, WithdrawTo = CaseState.Withdrawn }));
            }
        }
    }
}
