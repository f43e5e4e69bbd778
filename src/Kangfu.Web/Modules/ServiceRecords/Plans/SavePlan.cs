using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.ServiceRecords.Plans;

public sealed class PlanInput
{
    public string? Goals { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Frequency { get; set; }
    public Guid Version { get; set; }
}

/// <summary>个人服务计划: goals and schedule of the case at the institution (one plan per case, versioned).</summary>
public sealed class SavePlan(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(UserContext user, Guid caseId, PlanInput input, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var c = await DeliveryScope.CaseAsync(db, user, caseId, Permission.ServiceDeliver, ct);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Goals))
        {
            errors[nameof(input.Goals)] = "请填写康复目标";
        }
        if (input.StartDate is null)
        {
            errors[nameof(input.StartDate)] = "请填写开始日期";
        }
        if (input.EndDate is null || (input.StartDate is { } s && input.EndDate < s))
        {
            errors[nameof(input.EndDate)] = "请填写结束日期（不早于开始日期）";
        }
        if (string.IsNullOrWhiteSpace(input.Frequency))
        {
            errors[nameof(input.Frequency)] = "请填写服务频次";
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        var plan = await db.ServicePlans.FirstOrDefaultAsync(p => p.DistrictCode == c.DistrictCode && p.CaseId == c.Id, ct);
        if (plan is null)
        {
            plan = new ServicePlan { DistrictCode = c.DistrictCode, Id = Guid.CreateVersion7(), CaseId = c.Id, PersonId = c.PersonId, InstitutionId = user.InstitutionId!.Value };
            db.ServicePlans.Add(plan);
        }
        else if (plan.Version != input.Version)
        {
            throw new ConcurrencyConflictException("该服务计划已被其他用户修改，请刷新后重试。");
        }
        plan.Goals = input.Goals!.Trim();
        plan.StartDate = input.StartDate!.Value;
        plan.EndDate = input.EndDate!.Value;
        plan.Frequency = input.Frequency!.Trim();
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflictException("该服务计划已被其他用户修改，请刷新后重试。");
        }
        return plan.Version;
    }
}
