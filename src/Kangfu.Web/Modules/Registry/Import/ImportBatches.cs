using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>A batch is visible only to the user who uploaded it, in their district; anything else looks like not-found.</summary>
internal static class ImportBatches
{
    public static IQueryable<ImportBatch> Own(this KangfuDbContext db, UserContext user) =>
        db.ImportBatches.Where(b => b.DistrictCode == user.DistrictCode && b.UserId == user.UserId);

    public static async Task<ImportBatch> FindOwnAsync(KangfuDbContext db, UserContext user, Guid batchId, CancellationToken ct)
    {
        user.Demand(Permission.PersonImport);
        return await db.Own(user).AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException();
    }
}
