using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>
/// 撤回 (rule 3.7): a submitted intake returns to draft, and every case it opened is withdrawn, but only while no
/// next module has acted on any of them. All or nothing, in one transaction; the cases' versions guard the race
/// with the next module.
/// </summary>
public sealed class WithdrawIntake(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<IntakeSaved> HandleAsync(UserContext user, Guid intakeId, Guid? version, CancellationToken ct = default)
    {
        user.Demand(Permission.IntakeWrite);
        await using var db = dbFactory.CreateDbContext();
        var intake = await db.Intakes.FirstOrDefaultAsync(i => i.DistrictCode == user.DistrictCode && i.Id == intakeId, ct);
        if (intake is null || !await db.VisibleTo(user).AnyAsync(p => p.Id == intake.PersonId, ct))
        {
            throw new NotFoundException();
        }
        if (version is { } v && v != intake.Version)
        {
            throw new ConcurrencyConflictException();
        }
        if (intake.Status == IntakeStatus.Draft)
        {
            throw new DomainException("该入户登记尚未提交，无需撤回。");
        }
        var cases = await db.Cases
            .Where(c => c.DistrictCode == intake.DistrictCode && c.IntakeId == intake.Id && c.State != CaseState.Withdrawn)
            .ToListAsync(ct);
        if (cases.FirstOrDefault(c => !CaseWorkflow.CanWithdraw(c)) is { } moved)
        {
            throw new DomainException(
                $"{DisabilityCategories.Names[moved.Category]}需求“{moved.ServiceItemName}”已进入“{CaseStates.Name(moved.State)}”，下一环节已处理，不能撤回。");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var c in cases)
        {
            db.CaseTransitions.Add(CaseWorkflow.Apply(c, CaseAction.Withdraw, user, now, "入户登记撤回"));
        }
        intake.Status = IntakeStatus.Draft;
        intake.SubmittedAt = null;
        db.PersonEvents.Add(IntakeEvents.New(intake, now, user, "surveys.withdrawn", "撤回精准康复入户登记",
            cases.Count == 0 ? null : $"撤回转介 {cases.Count} 项"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        return new IntakeSaved(intake.Id, intake.Version, intake.Status, 0);
    }
}
