using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Catalog.Eligibility;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Subsidies.Decide;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Apply;

public sealed class ApplicationInput
{
    public Guid CaseId { get; set; }
    /// <summary>The catalog item; defaults to the case's item.</summary>
    public Guid? ServiceItemId { get; set; }
    /// <summary>Defaults to the most the item allows for the rest of the year.</summary>
    public decimal? AmountRequested { get; set; }
    /// <summary>Defaults to today; eligibility (age, certificate, caps, service life) is judged on this date.</summary>
    public DateOnly? ApplicationDate { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// 补贴申请: one need (case) and item; eligibility by <see cref="CatalogEligibility"/> on the application date, amount
/// capped by the item's yearly standard less what was approved this year; goes to the street.
/// </summary>
public sealed class SubmitApplication(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(UserContext user, ApplicationInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.SubsidyApply);
        await using var db = dbFactory.CreateDbContext();
        var c = await (await db.VisibleToAsync(user, ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.CaseId, ct) ?? throw new NotFoundException();
        if (c.State is CaseState.Withdrawn or CaseState.Cancelled or CaseState.NoNeed or CaseState.Declined)
        {
            throw new DomainException($"个案状态为“{CaseStates.Name(c.State)}”，不能申请补贴。");
        }
        var itemId = input.ServiceItemId ?? c.ServiceItemId
            ?? throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.ServiceItemId)] = "请选择服务项目" });
        var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.DistrictCode == c.DistrictCode && i.Id == itemId, ct)
            ?? throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.ServiceItemId)] = "服务项目不存在" });
        var person = await db.Persons.AsNoTracking().FirstAsync(p => p.DistrictCode == c.DistrictCode && p.Id == c.PersonId, ct);
        var date = input.ApplicationDate ?? clock.Today();
        var history = await HistoryAsync(db, c, item, ct);
        var reasons = CatalogEligibility.Check(item, person, date, history);
        if (reasons.Count > 0)
        {
            throw new DomainException("不符合申请条件：" + string.Join("", reasons));
        }
        var open = await db.SubsidyApplications.Where(a => a.DistrictCode == c.DistrictCode && a.CaseId == c.Id && a.ServiceItemId == item.Id
            && (a.State == ApplicationState.AwaitingStreet || a.State == ApplicationState.AwaitingDistrict || a.State == ApplicationState.Approved || a.State == ApplicationState.Returned))
            .Select(a => (ApplicationState?)a.State).FirstOrDefaultAsync(ct);
        if (open is { } state)
        {
            throw new DomainException($"该个案的“{item.Name}”已有补贴申请（{ApplicationStates.Name(state)}），不能重复申请。");
        }
        var amount = CheckAmount(item, history, input.AmountRequested);
        var now = clock.GetUtcNow().UtcDateTime;
        var application = new SubsidyApplication
        {
            DistrictCode = c.DistrictCode,
            Id = Guid.CreateVersion7(),
            PersonId = c.PersonId,
            CaseId = c.Id,
            AreaCode = person.AreaCode,
            ServiceItemId = item.Id,
            ServiceItemCode = item.Code,
            ServiceItemName = item.Name,
            Year = item.CatalogYear,
            ApplicationDate = date,
            AmountRequested = amount,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CreatedAt = now,
        };
        db.SubsidyApplications.Add(application);
        new ApplicationStep(db, application, user, now, date).Decide(DecisionLevel.Applicant, DecisionAction.Submit, ApplicationState.AwaitingStreet, input.Note, amount);
        await ApplicationRunner.SaveAsync(db, ct);
        return new ApplicationResult(application.Id, application.State, application.Version, null, null);
    }

    /// <summary>What the person already got of this item: approved this year, and the last completed delivery of it (service life).</summary>
    private static async Task<EligibilityHistory> HistoryAsync(KangfuDbContext db, RehabCase c, ServiceItem item, CancellationToken ct)
    {
        var approved = await db.SubsidyApplications
            .Where(a => a.DistrictCode == c.DistrictCode && a.PersonId == c.PersonId && a.ServiceItemCode == item.Code && a.Year == item.CatalogYear && a.State == ApplicationState.Approved)
            .Select(a => a.AmountApproved ?? 0m).ToListAsync(ct);
        var last = await db.Cases
            .Where(x => x.DistrictCode == c.DistrictCode && x.PersonId == c.PersonId && x.Id != c.Id && x.ServiceItemCode == item.Code && x.CompletedOn != null)
            .MaxAsync(x => x.CompletedOn, ct);
        return new EligibilityHistory(approved.Sum(), last);
    }

    private static decimal CheckAmount(ServiceItem item, EligibilityHistory history, decimal? requested)
    {
        var max = SubsidyMoney.YearlyMaximum(item) - history.AmountApprovedThisYear;
        if (max <= 0)
        {
            throw new DomainException($"“{item.Name}”没有补贴标准或本年度额度已用完，不能申请补贴。");
        }
        var amount = requested ?? max;
        if (amount <= 0 || amount > max)
        {
            throw new InputInvalidException(new Dictionary<string, string>
            {
                [nameof(ApplicationInput.AmountRequested)] = $"申请金额应大于0且不超过该项目本年度可申请额度{SubsidyMoney.Format(max)}",
            });
        }
        return decimal.Round(amount, 2);
    }
}
