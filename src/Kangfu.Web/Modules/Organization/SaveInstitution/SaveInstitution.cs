using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Organization.SaveInstitution;

public sealed record SaveInstitutionResult(Guid Id, Guid Version);

/// <summary>Creates or edits an institution of the user's district, with the areas it serves (optimistic concurrency).</summary>
public sealed class SaveInstitution(KangfuDbFactory dbFactory)
{
    public async Task<SaveInstitutionResult> HandleAsync(UserContext user, SaveInstitutionInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.OrganizationManage);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        await CheckAgainstDatabaseAsync(db, user, input, ct);
        var institution = input.IsNew ? Create(db, user) : await LoadAsync(db, user, input, ct);
        Apply(institution, input);
        var areasChanged = ReplaceServiceAreas(institution, input.ServiceAreaCodes.Distinct(StringComparer.Ordinal).ToList());
        var entry = db.Entry(institution);
        entry.DetectChanges();
        if (areasChanged && entry.State == EntityState.Unchanged)
        {
            // Only the served areas changed: still bump (and check) the institution's version.
            entry.Property(i => i.Version).IsModified = true;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        return new SaveInstitutionResult(institution.Id, institution.Version);
    }

    private static Institution Create(KangfuDbContext db, UserContext user)
    {
        var institution = new Institution { DistrictCode = user.DistrictCode, Id = Guid.CreateVersion7() };
        db.Institutions.Add(institution);
        return institution;
    }

    private static async Task<Institution> LoadAsync(KangfuDbContext db, UserContext user, SaveInstitutionInput input, CancellationToken ct)
    {
        var institution = await db.Institutions.Include(i => i.ServiceAreas)
            .FirstOrDefaultAsync(i => i.DistrictCode == user.DistrictCode && i.Id == input.Id, ct) ?? throw new NotFoundException();
        db.Entry(institution).Property(i => i.Version).OriginalValue = input.Version ?? Guid.Empty;
        return institution;
    }

    private static async Task CheckAgainstDatabaseAsync(KangfuDbContext db, UserContext user, SaveInstitutionInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = input.Name.Trim();
        var self = input.Id ?? Guid.Empty;
        if (await db.Institutions.AnyAsync(i => i.DistrictCode == user.DistrictCode && i.Name == name && i.Id != self, ct))
        {
            errors[nameof(input.Name)] = "本区已有同名机构";
        }
        var codes = input.ServiceAreaCodes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Areas.CountAsync(a => a.DistrictCode == user.DistrictCode && a.Level >= 3 && codes.Contains(a.Code), ct);
        if (known != codes.Count)
        {
            errors[nameof(input.ServiceAreaCodes)] = "服务区域须是本区的街道或社区";
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
    }

    private static void Apply(Institution institution, SaveInstitutionInput input)
    {
        institution.Name = input.Name.Trim();
        institution.Kinds = input.Kinds;
        institution.Directions = input.DoesDeviceWork ? input.Directions : DeviceDirection.None;
        institution.CreditCode = input.CreditCode?.Trim().ToUpperInvariant() is { Length: > 0 } code ? code : null;
        institution.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        institution.ContactPhone = string.IsNullOrWhiteSpace(input.ContactPhone) ? null : input.ContactPhone.Trim();
        institution.QualifiedUntil = input.QualifiedUntil;
        institution.IsActive = input.IsActive;
    }

    private static bool ReplaceServiceAreas(Institution institution, IReadOnlyList<string> codes)
    {
        var removed = institution.ServiceAreas.RemoveAll(a => !codes.Contains(a.AreaCode));
        var added = codes.Where(c => institution.ServiceAreas.All(a => a.AreaCode != c)).ToList();
        institution.ServiceAreas.AddRange(added.Select(code =>
            new InstitutionServiceArea { DistrictCode = institution.DistrictCode, InstitutionId = institution.Id, AreaCode = code }));
        return removed > 0 || added.Count > 0;
    }
}
