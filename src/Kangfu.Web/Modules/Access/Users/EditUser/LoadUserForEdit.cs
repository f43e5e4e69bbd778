using Kangfu.Web.Modules.Access.Users.UserList;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Access.Users.EditUser;

/// <summary>An account as the user page shows it, and its edit form with the concurrency stamp it was loaded with.</summary>
public sealed record UserDetail(UserRow Row, UserInput Input);

/// <summary>Loads an account of the security admin's district for the user page (404 for any other account).</summary>
public sealed class LoadUserForEdit(KangfuDbFactory dbFactory, UserListQuery list)
{
    public async Task<UserDetail> HandleAsync(UserContext actor, string id, CancellationToken ct = default)
    {
        actor.Demand(Permission.UserManage);
        var row = await list.RowAsync(actor, id, ct) ?? throw new NotFoundException();
        await using var db = dbFactory.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.DistrictCode == actor.DistrictCode && u.Id == id, ct);
        return new UserDetail(row, UserInput.From(user, row.Roles));
    }
}
