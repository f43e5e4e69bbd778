using System.Text.Json;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Referrals.Actions;

/// <summary>What every case action receives: the version the user saw, and an optional comment.</summary>
public class CaseInput
{
    public Guid Version { get; set; }
    public string? Comment { get; set; }
}

public sealed record CaseActionResult(Guid Id, CaseState State, Guid Version, IReadOnlyList<Guid> SpawnedCaseIds);

/// <summary>
/// One unit of work on one case: loads it in the user's scope, refuses a stale version, moves it only through
/// <see cref="CaseWorkflow.Apply"/>, writes the history row, the timeline entry and access grants, and saves with
/// the version check so that of two users acting on the same version exactly one wins.
/// </summary>
public sealed class CaseActionRunner(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public const string ConflictMessage = "该个案已被其他用户处理，请刷新后重试。";

    public async Task<CaseActionResult> RunAsync(UserContext user, Guid caseId, Guid expectedVersion, Func<CaseStep, Task> body, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await db.VisibleToAsync(user, ct);
        var c = await scope.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException();
        if (c.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
        if (user.Roles.Contains(Roles.DeviceTechnician) && !CaseScope.DirectionCovers(user.Direction, c.Direction))
        {
            throw new DomainException($"该个案属于“{DeviceDirections.Describe(c.Direction)}”方向，您的辅具方向（{DeviceDirections.Describe(user.Direction)}）不能处理。");
        }
        db.Entry(c).Property(x => x.Version).OriginalValue = expectedVersion;
        var step = new CaseStep(db, c, user, clock.GetUtcNow().UtcDateTime);
        await body(step);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
        return new CaseActionResult(c.Id, c.State, c.Version, step.Spawned.Select(s => s.Id).ToList());
    }
}

/// <summary>The case being acted on, and the helpers every action uses to record what it did.</summary>
public sealed class CaseStep(KangfuDbContext db, RehabCase c, UserContext user, DateTime now)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public KangfuDbContext Db { get; } = db;
    public RehabCase Case { get; } = c;
    public UserContext User { get; } = user;
    public DateTime Now { get; } = now;
    public List<RehabCase> Spawned { get; } = [];

    private CaseAction lastAction = CaseAction.StartReview;
    private int moves;

    /// <summary>Moves the case (guarded by the rules table), with history row and timeline entry.</summary>
    public CaseTransition Move(CaseAction action, string? comment = null, object? data = null, CaseState? to = null)
    {
        var transition = MoveOther(Case, action, comment, to);
        transition.DataJson = data is null ? null : JsonSerializer.Serialize(data, Json);
        return transition;
    }

    /// <summary>Moves another case of the same person in this unit of work (a cancellation for 死亡 or 迁出 ends them all).</summary>
    public CaseTransition MoveOther(RehabCase target, CaseAction action, string? comment = null, CaseState? to = null)
    {
        // Several moves in one step (served → follow-up due) share the step's time; a microsecond apart (the database's
        // precision) they keep their order in the history, which is sorted by time, then by the (random-tailed) id.
        var transition = CaseWorkflow.Apply(target, action, User, Now.AddTicks(TimeSpan.TicksPerMicrosecond * moves++), Trim(comment), to);
        lastAction = action;
        Db.CaseTransitions.Add(transition);
        Db.PersonEvents.Add(Event(target, "referrals." + char.ToLowerInvariant(action.ToString()[0]) + action.ToString()[1..],
            $"{Label(target)}：{CaseStates.ActionName(action)}", $"{CaseStates.Name(transition.From)} → {CaseStates.Name(transition.To)}"
                + (transition.Comment is { } note ? $"；{note}" : "")));
        return transition;
    }

    /// <summary>Opens a new case for the same person from this one (conditions 4 and 5, and referrals to the device review).</summary>
    public RehabCase Spawn(CaseKind kind, CaseState state, DeviceDirection direction, ProsthesisKind prosthesisKind = ProsthesisKind.None, string? deviceCodes = null)
    {
        var child = new RehabCase
        {
            DistrictCode = Case.DistrictCode,
            Id = Guid.CreateVersion7(),
            PersonId = Case.PersonId,
            AreaCode = Case.AreaCode,
            Year = Case.Year,
            Kind = kind,
            State = state,
            Category = Case.Category,
            ServiceItemCode = Case.ServiceItemCode,
            ServiceItemName = Case.ServiceItemName,
            IntakeId = Case.IntakeId,
            ParentCaseId = Case.Id,
            ProsthesisKind = prosthesisKind,
            Direction = direction,
            DeviceCodes = deviceCodes,
            CreatedAt = Now,
            StateChangedAt = Now,
        };
        Db.Cases.Add(child);
        Db.CaseTransitions.Add(CaseWorkflow.Record(child, state, state, lastAction, User, Now, $"由{Label(Case)}转入"));
        Db.PersonEvents.Add(Event(child, "referrals.opened", $"新个案：{Label(child)}", CaseStates.Name(state)));
        Spawned.Add(child);
        return child;
    }

    /// <summary>Lets the institution's users see the person (idempotent).</summary>
    public async Task GrantAsync(Guid institutionId, string reason)
    {
        var exists = await Db.CaseAccessGrants.AnyAsync(g => g.DistrictCode == Case.DistrictCode && g.PersonId == Case.PersonId
            && g.InstitutionId == institutionId && g.RevokedAt == null);
        if (!exists && !Db.CaseAccessGrants.Local.Any(g => g.PersonId == Case.PersonId && g.InstitutionId == institutionId))
        {
            Db.CaseAccessGrants.Add(new CaseAccessGrant
            {
                DistrictCode = Case.DistrictCode,
                Id = Guid.CreateVersion7(),
                PersonId = Case.PersonId,
                InstitutionId = institutionId,
                GrantedAt = Now,
                Reason = reason,
            });
        }
    }

    /// <summary>Grants the acting user's institution, if any.</summary>
    public Task GrantOwnInstitutionAsync() =>
        User.InstitutionId is { } id ? GrantAsync(id, $"{Label(Case)}：{CaseStates.Name(Case.State)}") : Task.CompletedTask;

    public static string Label(RehabCase c) => c.Kind switch
    {
        CaseKind.Service => "康复服务",
        CaseKind.Device => "辅具适配",
        CaseKind.Prosthesis => c.ProsthesisKind switch
        {
            ProsthesisKind.ChangjiangXinlicheng => "假肢（长江新里程）",
            ProsthesisKind.OtherProsthesis => "其它假肢",
            ProsthesisKind.Orthosis => "矫形器",
            _ => "假肢矫形器",
        },
        _ => "无障碍改造",
    } + (c.ServiceItemName is { Length: > 0 } item ? $"（{item}）" : "");

    private PersonEvent Event(RehabCase target, string kind, string title, string? detail) =>
        PersonEvent.Create(target.DistrictCode, target.PersonId, Now, kind, title, detail, User.DisplayName);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, 1000)];
}
