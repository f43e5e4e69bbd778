using Kangfu.Web.Modules.Registry;

using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Platform.Data;

/// <summary>
/// Encrypts rows stored before field encryption (their blind index is the migration's 'legacy:' placeholder), or with
/// <c>all</c> re-encrypts every row under the active key and cipher (after a key rotation or a switch to SM4).
/// Runs after every migration; the CLI verb is <c>encrypt-existing [--all]</c>.
/// </summary>
public static class FieldEncryptionBackfill
{
    private const int Batch = 500;

    public static async Task<int> RunAsync(KangfuDbContext db, bool all, CancellationToken ct = default)
    {
        var count = 0;
        while (true)
        {
            // Legacy rows leave the filter once saved; a full re-encryption pages on.
            var query = all
                ? db.Persons.OrderBy(p => p.DistrictCode).ThenBy(p => p.Id).Skip(count)
                : db.Persons.Where(p => p.IdNumberHash.StartsWith("legacy:")).OrderBy(p => p.DistrictCode).ThenBy(p => p.Id);
            var persons = await query.Take(Batch).ToListAsync(ct);
            if (persons.Count == 0)
            {
                break;
            }
            foreach (var person in persons)
            {
                MarkEncryptedModified(db, person);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += persons.Count;
        }
        return count + await IntakesAsync(db, all, ct);
    }

    private static async Task<int> IntakesAsync(KangfuDbContext db, bool all, CancellationToken ct)
    {
        var intakes = all
            ? await db.Intakes.ToListAsync(ct)
            : await db.Intakes.FromSqlRaw("SELECT * FROM surveys_intakes WHERE (phone IS NOT NULL AND phone NOT LIKE 'enc:%') "
                + "OR (certificate_number IS NOT NULL AND certificate_number NOT LIKE 'enc:%')").ToListAsync(ct);
        foreach (var intake in intakes)
        {
            db.Entry(intake).Property(i => i.Phone).IsModified = intake.Phone is not null;
            db.Entry(intake).Property(i => i.CertificateNumber).IsModified = intake.CertificateNumber is not null;
        }
        await db.SaveChangesAsync(ct);
        return intakes.Count;
    }

    private static void MarkEncryptedModified(KangfuDbContext db, Person person)
    {
        var entry = db.Entry(person);
        entry.Property(p => p.IdNumber).IsModified = true;
        entry.Property(p => p.CertificateNumber).IsModified = person.CertificateNumber is not null;
        entry.Property(p => p.Phone).IsModified = person.Phone is not null;
        entry.Property(p => p.GuardianPhone).IsModified = person.GuardianPhone is not null;
        entry.Property(p => p.BankAccount).IsModified = person.BankAccount is not null;
        entry.Property(p => p.Diagnosis).IsModified = person.Diagnosis is not null;
    }
}
