using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.UnitTests.Referrals;

public sealed class CaseWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private static UserContext As(string role) => new("u1", "u1", "用户", "120116", null, null, [role], null);

    private static RehabCase Case(CaseKind kind, CaseState state) => new() { Id = Guid.CreateVersion7(), DistrictCode = "120116", Kind = kind, State = state };

    [Theory]
    [InlineData(CaseKind.Device, CaseState.AwaitingHomeAssessment, CaseAction.StartHomeAssessment, Roles.CommunityStaff, CaseState.HomeAssessing)]
    [InlineData(CaseKind.Device, CaseState.HomeAssessing, CaseAction.SubmitHomeAssessment, Roles.ContractedDoctor, CaseState.AwaitingDeviceReview)]
    [InlineData(CaseKind.Device, CaseState.InReview, CaseAction.ReviewPass, Roles.DeviceTechnician, CaseState.AwaitingDeviceService)]
    [InlineData(CaseKind.Device, CaseState.InReview, CaseAction.ReviewPassModified, Roles.DeviceTechnician, CaseState.AwaitingDeviceService)]
    [InlineData(CaseKind.Device, CaseState.InReview, CaseAction.ReviewReassess, Roles.DeviceTechnician, CaseState.AwaitingReassessment)]
    [InlineData(CaseKind.Service, CaseState.InstitutionAssessing, CaseAction.ReferToService, Roles.AssessmentInstitution, CaseState.AwaitingService)]
    [InlineData(CaseKind.Service, CaseState.AwaitingService, CaseAction.MarkServed, Roles.RehabInstitution, CaseState.Served)]
    [InlineData(CaseKind.Accessibility, CaseState.InReview, CaseAction.ReviewPass, Roles.DeviceTechnician, CaseState.AwaitingRetrofit)]
    public void Allowed_moves(CaseKind kind, CaseState from, CaseAction action, string role, CaseState to)
    {
        var c = Case(kind, from);
        var transition = CaseWorkflow.Apply(c, action, As(role), Now);
        Assert.Equal((from, to), (transition.From, transition.To));
        Assert.Equal(to, c.State);
        Assert.Equal(Now, c.StateChangedAt);
    }

    [Fact]
    public void A_rejected_Changjiang_review_returns_to_review_as_other_prosthesis_when_asked()
    {
        var c = Case(CaseKind.Prosthesis, CaseState.InReview);
        CaseWorkflow.Apply(c, CaseAction.ReviewReject, As(Roles.DeviceTechnician), Now, to: CaseState.AwaitingProsthesisReview);
        Assert.Equal(CaseState.AwaitingProsthesisReview, c.State);
    }

    [Fact]
    public void Wrong_role_is_refused_in_Chinese()
    {
        var c = Case(CaseKind.Device, CaseState.InReview);
        var error = Assert.Throws<DomainException>(() => CaseWorkflow.Apply(c, CaseAction.ReviewPass, As(Roles.CommunityStaff), Now));
        Assert.Contains("角色", error.Message, StringComparison.Ordinal);
        Assert.Equal(CaseState.InReview, c.State);
    }

    [Fact]
    public void Move_not_in_the_table_is_refused()
    {
        var c = Case(CaseKind.Service, CaseState.AwaitingService);
        var error = Assert.Throws<DomainException>(() => CaseWorkflow.Apply(c, CaseAction.ReviewPass, As(Roles.DeviceTechnician), Now));
        Assert.Contains("待康复服务", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdraw_only_from_a_queue_before_the_next_stage_acts()
    {
        var queued = Case(CaseKind.Device, CaseState.HomeAssessing);
        CaseWorkflow.Apply(queued, CaseAction.SubmitHomeAssessment, As(Roles.CommunityStaff), Now);
        CaseWorkflow.Apply(queued, CaseAction.Withdraw, As(Roles.CommunityStaff), Now);
        Assert.Equal(CaseState.HomeAssessing, queued.State);

        var fromAssessment = Case(CaseKind.Device, CaseState.AwaitingDeviceReview);
        Assert.Throws<DomainException>(() => CaseWorkflow.Apply(fromAssessment, CaseAction.Withdraw, As(Roles.CommunityStaff), Now));

        var routed = Case(CaseKind.Service, CaseState.AwaitingService);
        routed.WithdrawTo = CaseState.Withdrawn;
        CaseWorkflow.Apply(routed, CaseAction.Withdraw, As(Roles.CommunityStaff), Now);
        Assert.Equal(CaseState.Withdrawn, routed.State);

        var started = Case(CaseKind.Device, CaseState.InReview);
        Assert.Throws<DomainException>(() => CaseWorkflow.Apply(started, CaseAction.Withdraw, As(Roles.CommunityStaff), Now));
        Assert.DoesNotContain(CaseAction.Withdraw, CaseWorkflow.AvailableActions(started, As(Roles.CommunityStaff)));
    }

    [Fact]
    public void Every_state_and_action_has_a_Chinese_name()
    {
        Assert.All(Enum.GetValues<CaseState>(), s => Assert.False(string.IsNullOrEmpty(CaseStates.Name(s))));
        Assert.All(Enum.GetValues<CaseAction>(), a => Assert.False(string.IsNullOrEmpty(CaseStates.ActionName(a))));
    }

    [Fact]
    public void Cancel_needs_a_supervising_role_and_a_live_case()
    {
        var c = Case(CaseKind.Service, CaseState.AwaitingService);
        Assert.Throws<DomainException>(() => CaseWorkflow.Apply(c, CaseAction.Cancel, As(Roles.RehabInstitution), Now));
        CaseWorkflow.Apply(c, CaseAction.Cancel, As(Roles.StreetCoordinator), Now);
        Assert.Equal(CaseState.Cancelled, c.State);
        Assert.Throws<DomainException>(() => CaseWorkflow.Apply(c, CaseAction.Cancel, As(Roles.StreetCoordinator), Now));
    }
}
