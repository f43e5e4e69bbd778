using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Surveys.FillIntake;

/// <summary>
/// The form of a person for a year: the stored one, or a new one prefilled from the registry. The form shows the full
/// certificate number and phone (the worker confirms them with the person), so loading it is an audited sensitive read.
/// </summary>
public sealed class LoadIntake(KangfuDbFactory dbFactory, IntakeNeedItems needItems, AuditLog audit, TimeProvider clock)
{
    public async Task<IntakeView> HandleAsync(UserContext user, Guid personId, int? year, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var person = await db.VisibleTo(user).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException();
        await audit.WriteAsync(user, AuditActions.Reveal, nameof(Person), person.Id.ToString(), "入户登记：残疾证号、电话", ct: ct);
        var today = clock.Today();
        var y = year ?? today.Year;
        var intake = await db.Intakes.AsNoTracking().Include(i => i.Needs)
            .FirstOrDefaultAsync(i => i.DistrictCode == person.DistrictCode && i.PersonId == person.Id && i.Year == y, ct);
        var form = intake is null ? Prefill(person, y == today.Year ? today : new DateOnly(y, 12, 31)) : FromIntake(intake);
        var rows = await needItems.RowsAsync(person.DistrictCode, form.FillDate, form.Categories, person.AgeOn(form.FillDate), form.Autism, form.Grade, ct);
        var cases = intake is null ? [] : await db.Cases.AsNoTracking()
            .Where(c => c.DistrictCode == person.DistrictCode && c.IntakeId == intake.Id && c.State != CaseState.Withdrawn)
            .OrderBy(c => c.Category).ThenBy(c => c.CreatedAt)
            .ToListAsync(ct);
        return new IntakeView(intake?.Id, person.Id, y, intake?.Status, intake?.SubmittedAt, person.BirthDate, form, rows,
            cases.Select(c => new RoutedCaseRow(c.Id, c.ServiceItemName, c.Category, CaseStates.Name(c.State), CaseWorkflow.CanWithdraw(c))).ToList());
    }

    private static IntakeInput Prefill(Person p, DateOnly fillDate) => new()
    {
        FillDate = fillDate,
        Name = p.Name,
        Sex = p.Sex,
        Phone = p.Phone,
        GuardianName = p.GuardianName,
        GuardianRelation = p.GuardianRelation,
        // 非持证残疾儿童填入身份证号
        CertificateNumber = p.CertificateNumber ?? p.IdNumber,
        Categories = DisabilityCategories.Members(p.Categories).ToList(),
        Unrated = p.Categories == CategorySet.None,
        Grade = p.Grade,
        Autism = p.TargetType == TargetType.Autism,
    };

    private static IntakeInput FromIntake(Intake i) => new()
    {
        FillDate = i.FillDate,
        Name = i.Name,
        Sex = i.Sex,
        Phone = i.Phone,
        GuardianName = i.GuardianName,
        GuardianRelation = i.GuardianRelation,
        CertificateNumber = i.CertificateNumber,
        Categories = DisabilityCategories.Members(i.Categories).ToList(),
        Unrated = i.Unrated,
        Grade = i.Grade,
        Autism = i.Autism,
        // A draft does not tell 无 from not yet answered: it asks again.
        HasNeed = i.HasNeed ? true : i.Status == IntakeStatus.Draft ? null : false,
        ItemIds = i.Needs.Select(n => n.ServiceItemId).ToList(),
        Directions = i.Needs.Where(n => n.Direction != default).GroupBy(n => n.Category)
            .Select(g => new CategoryDirection(g.Key, g.First().Direction)).ToList(),
        NeedsHomeService = i.NeedsHomeService,
        PersonSignature = i.PersonSignature,
        StaffSignature = i.StaffSignature,
        Version = i.Version,
    };
}
