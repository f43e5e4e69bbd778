using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>
/// Saves the form of a person for the year of its fill date: as a draft, or submitted. Submitting is one
/// transaction: the intake becomes Submitted (or NoNeed), and <see cref="CaseRouter"/> opens one case per ticked
/// need, with creation rows and timeline lines. The registry is never changed from here.
/// </summary>
public sealed class SaveIntake(KangfuDbFactory dbFactory, IntakeNeedItems needItems, TimeProvider clock)
{
    public async Task<IntakeSaved> HandleAsync(UserContext user, Guid personId, IntakeInput input, bool submit, CancellationToken ct = default)
    {
        user.Demand(Permission.IntakeWrite);
        var today = clock.Today();
        Throw(IntakeRules.Validate(input, today, submit));
        await using var db = dbFactory.CreateDbContext();
        // Only the columns the save needs: the person's encrypted identifiers are neither read nor decrypted.
        var person = await db.VisibleTo(user).Where(p => p.Id == personId)
            .Select(p => new IntakePerson(p.DistrictCode, p.Id, p.AreaCode, p.BirthDate)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var year = input.FillDate.Year;
        var intake = await db.Intakes.Include(i => i.Needs)
            .FirstOrDefaultAsync(i => i.DistrictCode == person.DistrictCode && i.PersonId == person.Id && i.Year == year, ct);
        if (intake is not null && input.Version != intake.Version)
        {
            throw new ConcurrencyConflictException();
        }
        if (intake is { Status: not IntakeStatus.Draft })
        {
            throw new DomainException($"该人员{year}年的入户登记已提交，不能重复填写；如需修改，请先撤回。");
        }
        var rows = await needItems.RowsAsync(person.DistrictCode, input.FillDate, input.Categories, person.AgeOn(input.FillDate), input.Autism, input.Grade, ct);
        Throw(IntakeRules.ValidateNeeds(input, rows, submit));
        var now = clock.GetUtcNow().UtcDateTime;
        if (intake is null)
        {
            intake = new Intake { DistrictCode = person.DistrictCode, Id = Guid.CreateVersion7(), PersonId = person.Id, Year = year, CreatedBy = user.UserName, CreatedAt = now };
            db.Intakes.Add(intake);
        }
        Apply(db, intake, person, input, rows);
        var opened = submit ? Submit(db, intake, person, rows, user, now) : 0;
        await SaveAsync(db, ct);
        return new IntakeSaved(intake.Id, intake.Version, intake.Status, opened);
    }

    private static void Apply(KangfuDbContext db, Intake intake, IntakePerson person, IntakeInput input, IReadOnlyList<NeedRow> rows)
    {
        intake.AreaCode = person.AreaCode;
        intake.FillDate = input.FillDate;
        intake.Name = input.Name.Trim();
        intake.Sex = input.Sex!.Value;
        intake.Phone = Trimmed(input.Phone);
        intake.GuardianName = Trimmed(input.GuardianName);
        intake.GuardianRelation = intake.GuardianName is null ? null : input.GuardianRelation;
        intake.CertificateNumber = Trimmed(input.CertificateNumber);
        intake.Categories = input.Categories.Aggregate(CategorySet.None, (set, c) => set | DisabilityCategories.ToFlag(c));
        intake.Unrated = input.Unrated;
        intake.Grade = input.Grade;
        intake.Autism = input.Autism;
        intake.HasNeed = input.HasNeed == true;
        intake.NeedsHomeService = intake.HasNeed && input.NeedsHomeService;
        intake.PersonSignature = input.PersonSignature is { Length: > 0 } ps ? ps : null;
        intake.StaffSignature = input.StaffSignature is { Length: > 0 } ss ? ss : null;
        db.IntakeNeeds.RemoveRange(intake.Needs);
        intake.Needs.Clear();
        if (!intake.HasNeed)
        {
            return;
        }
        var categoryOf = rows.SelectMany(r => r.Items.Select(i => (i.Id, r.Category))).ToDictionary(x => x.Id, x => x.Category);
        foreach (var itemId in input.ItemIds.Distinct())
        {
            var category = categoryOf[itemId];
            intake.Needs.Add(new IntakeNeed
            {
                DistrictCode = intake.DistrictCode,
                Id = Guid.CreateVersion7(),
                IntakeId = intake.Id,
                ServiceItemId = itemId,
                Category = category,
                // A draft may not have its direction yet (0); submitting requires one per row.
                Direction = input.DirectionOf(category) ?? default,
            });
        }
    }

    private static int Submit(KangfuDbContext db, Intake intake, IntakePerson person, IReadOnlyList<NeedRow> rows, UserContext user, DateTime now)
    {
        intake.Status = intake.HasNeed ? IntakeStatus.Submitted : IntakeStatus.NoNeed;
        intake.SubmittedAt = now;
        db.PersonEvents.Add(IntakeEvents.New(intake, now, user, "surveys.intake", "精准康复入户登记",
            intake.HasNeed ? $"有康复需求，转介 {intake.Needs.Count} 项" : "无康复需求"));
        if (!intake.HasNeed)
        {
            return 0;
        }
        var items = rows.SelectMany(r => r.Items.Select(i => (Row: r, Item: i))).ToDictionary(x => x.Item.Id);
        var needs = intake.Needs.Select(n =>
        {
            var (row, item) = items[n.ServiceItemId];
            return new RoutedNeed(n.Id, item.Id, item.Code, item.Label, row.Category, item.IsDeviceNeed, n.Direction);
        });
        var routed = CaseRouter.Route(new RouteSource(intake.DistrictCode, intake.Id, person.Id, person.AreaCode, intake.Year, intake.NeedsHomeService), needs, user, now);
        foreach (var (c, created) in routed)
        {
            db.Cases.Add(c);
            db.CaseTransitions.Add(created);
            db.PersonEvents.Add(IntakeEvents.New(intake, now, user, "referrals.routed", $"转介：{CaseStates.Name(c.State)}",
                $"{DisabilityCategories.Names[c.Category]}：{c.ServiceItemName}{(c.HomeVisitRequested ? "（上门评估）" : "")}"));
        }
        return routed.Count;
    }

    private static async Task SaveAsync(KangfuDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        catch (DbUpdateException)
        {
            // Two first saves of the same person and year: the unique index lets one in.
            throw new ConcurrencyConflictException();
        }
    }

    private static void Throw(Dictionary<string, string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What saving an intake needs of the registered person.</summary>
internal sealed record IntakePerson(string DistrictCode, Guid Id, string AreaCode, DateOnly BirthDate)
{
    public int AgeOn(DateOnly date) => Ages.CompletedYears(BirthDate, date);
}

internal static class IntakeEvents
{
    public static PersonEvent New(Intake intake, DateTime at, UserContext user, string kind, string title, string? detail) =>
        PersonEvent.Create(intake.DistrictCode, intake.PersonId, at, kind, title, detail, user.DisplayName);
}
