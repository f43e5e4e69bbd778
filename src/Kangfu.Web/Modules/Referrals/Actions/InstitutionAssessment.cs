using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Referrals.Actions;

/// <summary>开始机构评估 (condition 2): the assessment institution takes the case and may see the person.</summary>
public sealed class StartInstitutionAssessment(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, CaseInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            step.Move(CaseAction.StartInstitutionAssessment, input.Comment);
            step.Case.InstitutionId = user.InstitutionId;
            await step.GrantOwnInstitutionAsync();
        }, ct);
}

public enum InstitutionAssessmentOutcome
{
    /// <summary>转介康复服务 (condition 8).</summary>
    RehabService = 1,
    /// <summary>转介辅具审核.</summary>
    DeviceReview = 2,
}

public sealed class InstitutionAssessmentInput : CaseInput
{
    public InstitutionAssessmentOutcome Outcome { get; set; }
    /// <summary>The rehab institution chosen for the service (optional; otherwise the one serving the area picks it up).</summary>
    public Guid? RehabInstitutionId { get; set; }
    public string? Notes { get; set; }
}

/// <summary>机构评估结果: refer to the rehab service (condition 8), or to the device review as a new device case.</summary>
public sealed class CompleteInstitutionAssessment(CaseActionRunner runner)
{
    public Task<CaseActionResult> HandleAsync(UserContext user, Guid caseId, InstitutionAssessmentInput input, Guid expectedVersion, CancellationToken ct = default) =>
        runner.RunAsync(user, caseId, expectedVersion, async step =>
        {
            var data = new { input.Outcome, input.Notes, input.RehabInstitutionId };
            if (input.Outcome == InstitutionAssessmentOutcome.RehabService)
            {
                Institution? rehab = null;
                if (input.RehabInstitutionId is { } id)
                {
                    rehab = await step.Db.Institutions.FirstOrDefaultAsync(i => i.DistrictCode == user.DistrictCode && i.Id == id && i.IsActive
                        && (i.Kinds & (InstitutionKind.DesignatedRehab | InstitutionKind.Hospital)) != InstitutionKind.None, ct)
                        ?? throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.RehabInstitutionId)] = "请选择有效的定点康复机构" });
                }
                step.Move(CaseAction.ReferToService, input.Notes ?? input.Comment, data);
                step.Case.InstitutionId = rehab?.Id;
                if (rehab is not null)
                {
                    await step.GrantAsync(rehab.Id, $"{CaseStep.Label(step.Case)}：转介康复服务");
                }
            }
            else if (input.Outcome == InstitutionAssessmentOutcome.DeviceReview)
            {
                step.Move(CaseAction.ReferToDeviceReview, input.Notes ?? input.Comment, data);
                step.Spawn(CaseKind.Device, CaseState.AwaitingDeviceReview, DirectionOf(step.Case.Category));
            }
            else
            {
                throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Outcome)] = "请选择评估结果" });
            }
        }, ct);

    /// <summary>The device direction a category's needs belong to (limb unless hearing or vision).</summary>
    public static DeviceDirection DirectionOf(DisabilityCategory category) => category switch
    {
        DisabilityCategory.Hearing => DeviceDirection.Hearing,
        DisabilityCategory.Visual => DeviceDirection.Vision,
        _ => DeviceDirection.Limb,
    };
}
