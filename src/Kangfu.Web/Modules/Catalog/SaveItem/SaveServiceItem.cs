using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Catalog.SaveItem;

/// <summary>
/// Edits one catalog item of the user's district. Optimistic: the update matches the version the user loaded, so a
/// save in between fails with a Chinese conflict message (HTTP 409). The code stays unique within the year.
/// </summary>
public sealed class SaveServiceItem(KangfuDbFactory dbFactory)
{
    public async Task<Guid> HandleAsync(UserContext user, Guid id, SaveServiceItemInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.CatalogManage);
        var errors = SaveServiceItemRules.Validate(input);
        if (input.Version is null)
        {
            errors[nameof(input.Version)] = "缺少记录版本，请刷新后重试";
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        await using var db = dbFactory.CreateDbContext();
        var item = await db.ServiceItems.FirstOrDefaultAsync(i => i.DistrictCode == user.DistrictCode && i.Id == id, ct)
            ?? throw new NotFoundException();
        var code = input.Code.Trim();
        if (await db.ServiceItems.AnyAsync(i => i.DistrictCode == user.DistrictCode && i.CatalogYear == item.CatalogYear && i.Code == code && i.Id != id, ct))
        {
            throw new InputInvalidException(new Dictionary<string, string> { [nameof(input.Code)] = $"{item.CatalogYear}年度已有编码为 {code} 的项目" });
        }
        db.Entry(item).Property(i => i.Version).OriginalValue = input.Version!.Value;
        input.ApplyTo(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        return item.Version;
    }
}
