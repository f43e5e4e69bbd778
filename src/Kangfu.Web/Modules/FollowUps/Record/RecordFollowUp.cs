using System.Text.Json;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.FollowUps.Record;

public sealed class FollowUpInput
{
    /// <summary>The version of the follow-up the user saw (409 when someone saved it since).</summary>
    public Guid Version { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>Question number → chosen option text(s), worded exactly as the form.</summary>
    public Dictionary<string, List<string>> Answers { get; set; } = [];
    public string? MethodDetail { get; set; }
    /// <summary>失访: the visit could not be made (a reason in the comment is required; no answers).</summary>
    public bool LostContact { get; set; }
    public string? Comment { get; set; }
}

public sealed record FollowUpResult(Guid Id, FollowUpStatus Status, Guid Version);

/// <summary>
/// 记录回访 by the community staff or contracted doctor of the person's community: the answers of the national form,
/// or 失访 with a reason. Visits are recorded in order; a recorded visit may be corrected until the case closes. Saved
/// with the follow-up's version, so of two users saving the same version one gets a 409.
/// </summary>
public sealed class RecordFollowUp(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public const string ConflictMessage = "该回访记录已被其他用户修改，请刷新后重试。";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<FollowUpResult> HandleAsync(UserContext user, Guid followUpId, FollowUpInput input, CancellationToken ct = default)
    {
        if (!user.Roles.Contains(Roles.CommunityStaff) && !user.Roles.Contains(Roles.ContractedDoctor))
        {
            throw new DomainException("只有社区工作人员或社区签约医生可以记录回访。");
        }
        await using var db = dbFactory.CreateDbContext();
        var f = await db.FollowUps.FirstOrDefaultAsync(x => x.DistrictCode == user.DistrictCode && x.Id == followUpId, ct) ?? throw new NotFoundException();
        var c = await (await db.VisibleToAsync(user, ct)).FirstOrDefaultAsync(x => x.Id == f.CaseId, ct) ?? throw new NotFoundException();
        if (f.Version != input.Version)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
        if (c.State != CaseState.FollowUpDue)
        {
            throw new DomainException($"个案当前状态为“{CaseStates.Name(c.State)}”，不能记录回访。");
        }
        var earlier = await db.FollowUps.Where(x => x.DistrictCode == f.DistrictCode && x.CaseId == f.CaseId && x.Sequence < f.Sequence && x.Status == FollowUpStatus.Pending)
            .Select(x => x.Kind).ToListAsync(ct);
        if (earlier.Count > 0)
        {
            throw new DomainException($"请先完成{string.Join("、", earlier.Select(FollowUpForms.KindName))}。");
        }
        var today = clock.Today();
        Validate(f, c, input, today);
        Apply(f, input, user, clock.GetUtcNow().UtcDateTime);
        db.Entry(f).Property(x => x.Version).OriginalValue = input.Version;
        AddHistory(db, c, f, user, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
        return new FollowUpResult(f.Id, f.Status, f.Version);
    }

    private static void Validate(FollowUp f, RehabCase c, FollowUpInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.DoneOn is not { } done)
        {
            errors[nameof(input.DoneOn)] = "请填写回访日期";
        }
        else if (done > today)
        {
            errors[nameof(input.DoneOn)] = "回访日期不能晚于今天";
        }
        else if (c.CompletedOn is { } completed && done < completed)
        {
            errors[nameof(input.DoneOn)] = $"回访日期不能早于服务完成日期（{DisplayFormat.Date(completed)}）";
        }
        if (input.LostContact)
        {
            if (string.IsNullOrWhiteSpace(input.Comment))
            {
                errors[nameof(input.Comment)] = "标记失访时请填写原因";
            }
        }
        else
        {
            var answers = input.Answers.ToDictionary(a => a.Key.Trim(), a => a.Value.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList(), StringComparer.Ordinal);
            foreach (var (field, message) in FollowUpForms.Validate(FollowUpForms.For(f.Kind), answers, input.MethodDetail))
            {
                errors[field] = message;
            }
            input.Answers = answers;
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
    }

    private static void Apply(FollowUp f, FollowUpInput input, UserContext user, DateTime now)
    {
        var form = FollowUpForms.For(f.Kind);
        f.Status = input.LostContact ? FollowUpStatus.LostContact : FollowUpStatus.Done;
        f.DoneOn = input.DoneOn;
        f.AnswersJson = input.LostContact ? null : JsonSerializer.Serialize(input.Answers, Json);
        f.Method = input.LostContact ? null : FollowUpForms.MethodOf(input.Answers[form.MethodQuestion.Id][0]);
        f.MethodDetail = f.Method == FollowUpMethod.Other ? input.MethodDetail?.Trim() : null;
        f.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim()[..Math.Min(input.Comment.Trim().Length, 1000)];
        f.RecordedByUserId = user.UserId;
        f.RecordedByName = user.DisplayName;
        f.RecordedAt = now;
    }

    private static void AddHistory(KangfuDbContext db, RehabCase c, FollowUp f, UserContext user, DateTime now)
    {
        var summary = Summary(f);
        var row = CaseWorkflow.Record(c, c.State, c.State, CaseAction.RecordFollowUp, user, now, $"{FollowUpForms.KindName(f.Kind)}：{summary}");
        row.DataJson = f.AnswersJson;
        db.CaseTransitions.Add(row);
        db.PersonEvents.Add(PersonEvent.Create(c.DistrictCode, c.PersonId, now, "followups.recorded",
            $"{Referrals.Actions.CaseStep.Label(c)}：{FollowUpForms.KindName(f.Kind)}", summary, user.DisplayName));
    }

    /// <summary>One line for history and timeline: 失访 with its reason, or the answers in form order.</summary>
    public static string Summary(FollowUp f)
    {
        if (f.Status == FollowUpStatus.LostContact)
        {
            return $"失访（{DisplayFormat.Date(f.DoneOn)}）：{f.Comment}";
        }
        var answers = f.AnswersJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, List<string>>>(f.AnswersJson, Json) ?? [];
        var form = FollowUpForms.For(f.Kind);
        var parts = form.Questions.Where(q => answers.ContainsKey(q.Id))
            .Select(q => $"{q.Text.TrimEnd('：', '？')}：{string.Join("、", answers[q.Id])}"
                + (q == form.MethodQuestion && f.MethodDetail is { } d ? $"（{d}）" : ""));
        return $"{DisplayFormat.Date(f.DoneOn)} " + string.Join("；", parts);
    }
}
