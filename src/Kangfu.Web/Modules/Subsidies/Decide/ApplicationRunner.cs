using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Decide;

public class DecisionInput
{
    public Guid Version { get; set; }
    public string? Comment { get; set; }
}

public sealed record ApplicationResult(Guid Id, ApplicationState State, Guid Version, decimal? AmountApproved, Guid? CardId);

/// <summary>
/// One decision on one application: loads it in the user's scope, refuses a stale version, records the decision row
/// and the timeline entry, and saves with the version checks (application, budget, card item) so that of two users
/// deciding at once exactly one wins.
/// </summary>
public sealed class ApplicationRunner(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public const string ConflictMessage = "该申请已被其他用户处理，请刷新后重试。";
    public const string BudgetConflictMessage = "预算已被另一笔审批同时占用，请刷新后重试。";

    public async Task<ApplicationResult> RunAsync(UserContext user, Guid id, Guid expectedVersion, Func<ApplicationStep, Task> body, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var application = await db.ApplicationsVisibleTo(user).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        if (application.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
        var step = new ApplicationStep(db, application, user, clock.GetUtcNow().UtcDateTime, clock.Today());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await body(step);
        await SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new ApplicationResult(application.Id, application.State, application.Version, application.AmountApproved, step.CardId);
    }

    /// <summary>Saves; a lost race on a versioned row or a unique key (card number) becomes a 409 with a Chinese message.</summary>
    public static async Task SaveAsync(KangfuDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(e.Entries.Any(x => x.Entity is Budget) ? BudgetConflictMessage : ConflictMessage);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflictException("数据已被其他用户同时修改，请刷新后重试。");
        }
    }
}

/// <summary>The application being decided, and the helper that records a decision.</summary>
public sealed class ApplicationStep(KangfuDbContext db, SubsidyApplication application, UserContext user, DateTime now, DateOnly today)
{
    public KangfuDbContext Db { get; } = db;
    public SubsidyApplication Application { get; } = application;
    public UserContext User { get; } = user;
    public DateTime Now { get; } = now;
    public DateOnly Today { get; } = today;
    public Guid? CardId { get; set; }

    /// <summary>
    /// Saves what is changed so far inside the decision's transaction: the application first (a second decider loses
    /// here with the application message), then the budget (a second approval spending the same budget loses there).
    /// </summary>
    public Task FlushAsync(CancellationToken ct) => ApplicationRunner.SaveAsync(Db, ct);

    /// <summary>Moves the application and keeps the decision (with the level's comment) and a timeline line.</summary>
    public void Decide(DecisionLevel level, DecisionAction action, ApplicationState to, string? comment, decimal? amount = null)
    {
        var note = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, 1000)];
        Db.SubsidyDecisions.Add(Record(Application, level, action, to, note, amount, User, Now));
        Application.State = to;
        Application.StateChangedAt = Now;
        var title = $"补贴申请（{Application.ServiceItemName}）：{ApplicationStates.LevelName(level)}{ApplicationStates.ActionName(action)}";
        Db.PersonEvents.Add(PersonEvent.Create(Application.DistrictCode, Application.PersonId, Now, "subsidies." + action.ToString().ToLowerInvariant(),
            title, ApplicationStates.Name(to) + (note is null ? "" : "；" + note), User.DisplayName));
    }

    public static SubsidyDecision Record(SubsidyApplication a, DecisionLevel level, DecisionAction action, ApplicationState to, string? comment, decimal? amount, UserContext user, DateTime now) => new()
    {
        DistrictCode = a.DistrictCode,
        Id = Guid.CreateVersion7(),
        ApplicationId = a.Id,
        At = now,
        Level = level,
        Action = action,
        From = a.State,
        To = to,
        Amount = amount,
        UserId = user.UserId,
        UserName = user.DisplayName.Length > 50 ? user.DisplayName[..50] : user.DisplayName,
        Comment = comment,
    };

    public void RequireState(ApplicationState state, string actionName)
    {
        if (Application.State != state)
        {
            throw new DomainException($"申请当前状态为“{ApplicationStates.Name(Application.State)}”，不能执行“{actionName}”。");
        }
    }

    public static void RequireComment(string? comment, string what)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new InputInvalidException(new Dictionary<string, string> { [nameof(DecisionInput.Comment)] = $"请填写{what}" });
        }
    }
}
