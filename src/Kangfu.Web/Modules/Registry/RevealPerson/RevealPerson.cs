using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.RevealPerson;

public sealed record RevealedIdentifiers(
    string IdNumber, string? CertificateNumber, string? Phone, string? GuardianPhone, string? BankAccount = null, string? Diagnosis = null);

/// <summary>Shows a person's full identifiers to a role that may see them; every reveal is audited.</summary>
public sealed class RevealPerson(KangfuDbFactory dbFactory, AuditLog audit)
{
    public async Task<RevealedIdentifiers> HandleAsync(UserContext user, Guid id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var person = await db.VisibleTo(user).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        if (!user.Can(Permission.PersonReveal))
        {
            await audit.WriteAsync(user, AuditActions.Reveal, nameof(Person), id.ToString(), "身份证号、电话、银行账号、诊断", "拒绝", ct: ct);
            throw new UnauthorizedAccessException("您的角色不能查看完整身份证号、电话、银行账号和诊断。");
        }
        await audit.WriteAsync(user, AuditActions.Reveal, nameof(Person), id.ToString(), "身份证号、残疾证号、电话、银行账号、诊断", ct: ct);
        return new RevealedIdentifiers(person.IdNumber, person.CertificateNumber, person.Phone, person.GuardianPhone, person.BankAccount, person.Diagnosis);
    }
}
