using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.SavePerson;

/// <summary>
/// The edit form of one person, unmasked (the editor must see what they change). Only writers may load it,
/// and loading it is recorded like a reveal.
/// </summary>
public sealed class LoadPersonForEdit(KangfuDbFactory dbFactory, AuditLog audit)
{
    public async Task<SavePersonInput> HandleAsync(UserContext user, Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.PersonWrite);
        await using var db = dbFactory.CreateDbContext();
        var person = await db.VisibleTo(user).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        await audit.WriteAsync(user, AuditActions.Reveal, nameof(Person), id.ToString(), "编辑档案：身份证号、残疾证号、电话、银行账号、诊断", ct: ct);
        return SavePersonInput.From(person);
    }
}
