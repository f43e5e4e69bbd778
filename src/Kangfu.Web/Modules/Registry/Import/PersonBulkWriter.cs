using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>Set-based writes of many persons (imports, demo data).</summary>
public static class PersonBulkWriter
{
    public static async Task InsertNewAsync(KangfuDbContext db, IEnumerable<Person> persons, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in persons.Chunk(2000))
        {
            db.Persons.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
    }
}
