using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry.Pinyin;
using Kangfu.Web.Modules.Registry.Shared;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Privacy;
using Kangfu.Web.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.SavePerson;

public sealed record SavePersonResult(Guid Id, Guid Version);

/// <summary>
/// Creates or edits a person inside the user's scope. The edit is optimistic: it saves only if the row still has
/// the version the client loaded. The person and its timeline entry are written in one SaveChanges (audited).
/// </summary>
public sealed class SavePerson(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<SavePersonResult> HandleAsync(UserContext user, SavePersonInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.PersonWrite);
        var today = clock.Today();
        var errors = SavePersonRules.Validate(input, today);
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        var existing = input.IsNew ? null : await db.VisibleTo(user).FirstOrDefaultAsync(p => p.Id == input.Id, ct) ?? throw new NotFoundException();
        await CheckAgainstDatabaseAsync(db, user, input, today, ct);
        var (person, timelineEntry) = existing is null ? Create(db, user, input, today) : Update(db, user, existing, input, today);
        if (timelineEntry is not null)
        {
            person.UpdatedAt = timelineEntry.At;
            db.PersonEvents.Add(timelineEntry);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        return new SavePersonResult(person.Id, person.Version);
    }

    private (Person, PersonEvent) Create(KangfuDbContext db, UserContext user, SavePersonInput input, DateOnly today)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Person { DistrictCode = user.DistrictCode, Id = Guid.CreateVersion7(), CreatedAt = now };
        Apply(person, input, today);
        db.Persons.Add(person);
        return (person, NewEvent(user, person, "registry.created", "建档", $"对象类别：{RegistryNames.Target(person.TargetType)}"));
    }

    private (Person, PersonEvent?) Update(KangfuDbContext db, UserContext user, Person person, SavePersonInput input, DateOnly today)
    {
        if (input.Version is not { } version)
        {
            throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Version)] = "缺少记录版本，请刷新后重试" });
        }
        // The UPDATE matches the version the user loaded: a save in between makes it fail.
        db.Entry(person).Property(p => p.Version).OriginalValue = version;
        var oldStatus = person.Status;
        Apply(person, input, today);
        db.ChangeTracker.DetectChanges();
        if (person.Status != oldStatus)
        {
            var when = person.StatusDate is { } d ? $"变更日期：{DisplayFormat.Date(d)}" : null;
            return (person, NewEvent(user, person, "registry.status", $"状态变更为{RegistryNames.Status(person.Status)}", when));
        }
        var changed = PersonFieldNames.Describe(db.Entry(person).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));
        return (person, changed.Length == 0 ? null : NewEvent(user, person, "registry.updated", "修改档案", $"修改了：{changed}"));
    }

    private static async Task CheckAgainstDatabaseAsync(KangfuDbContext db, UserContext user, SavePersonInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefix = user.AreaPrefix ?? "";
        var areaOk = await db.Areas.AnyAsync(a => a.DistrictCode == user.DistrictCode && a.Code == input.AreaCode && a.Level == 5
            && a.Code.StartsWith(prefix), ct);
        if (!areaOk)
        {
            errors[nameof(input.AreaCode)] = "所属社区须是您管辖范围内的社区（村）";
        }
        var hash = FieldProtection.BlindIndex.IdNumber(ResidentId.Parse(input.IdNumber, today).Value);
        var self = input.Id ?? Guid.Empty;
        if (await db.Persons.AnyAsync(p => p.DistrictCode == user.DistrictCode && p.IdNumberHash == hash && p.Id != self, ct))
        {
            errors[nameof(input.IdNumber)] = "该身份证号已在本区建档，不能重复登记。如属迁入或更正，请联系区残联核实";
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
    }

    private static void Apply(Person person, SavePersonInput input, DateOnly today)
    {
        var id = ResidentId.Parse(input.IdNumber, today);
        CertificateNumber.TryParse(input.CertificateNumber, today, out var certificate, out _);
        person.Name = input.Name.Trim();
        person.NameInitials = PinyinInitials.Of(person.Name);
        person.IdNumber = id.Value;
        person.BirthDate = id.BirthDate;
        person.Sex = id.Sex;
        person.TargetType = input.TargetType;
        person.CertificateNumber = certificate?.Value;
        person.ReissueCount = certificate?.ReissueCount ?? 0;
        person.CertificateIssueDate = certificate is null ? null : input.CertificateIssueDate;
        person.Category = input.Category;
        person.Categories = input.CategorySet;
        person.Grade = input.Grade;
        person.AreaCode = input.AreaCode;
        person.Address = Trimmed(input.Address);
        person.Phone = Trimmed(input.Phone);
        person.GuardianName = Trimmed(input.GuardianName);
        person.GuardianRelation = person.GuardianName is null ? null : input.GuardianRelation;
        person.GuardianPhone = person.GuardianName is null ? null : Trimmed(input.GuardianPhone);
        person.BankAccount = input.NormalizedBankAccount;
        person.Diagnosis = Trimmed(input.Diagnosis);
        person.Status = input.Status;
        person.StatusDate = input.Status == PersonStatus.Registered ? null : input.StatusDate;
    }

    private PersonEvent NewEvent(UserContext user, Person person, string kind, string title, string? detail) =>
        PersonEvent.Create(person.DistrictCode, person.Id, clock.GetUtcNow().UtcDateTime, kind, title, detail, user.DisplayName);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
