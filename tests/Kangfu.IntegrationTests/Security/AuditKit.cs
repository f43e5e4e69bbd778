using System.Globalization;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Audit.VerifyAudit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Security;

/// <summary>Throwaway districts for audit chains a test fills and drops again (the demo district's chains stay intact).</summary>
internal static class AuditKit
{
    public static string TestDistrict() => "9" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    public static async Task<AuditVerification> VerifyAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().HandleAsync();
    }

    /// <summary>Removes every audit row of the district (append-only triggers dropped, restored afterwards).</summary>
    public static Task<int> DropDistrictAsync(KangfuApp app, string district) => app.WithDbAsync(async db =>
    {
        var drop = db.IsPostgres ? "DROP TRIGGER IF EXISTS audit_entries_no_update ON audit_entries"
            : "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;";
        await db.Database.ExecuteSqlRawAsync(drop);
        try
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE district_code = {0}", district);
        }
        finally
        {
            await AuditChain.ProtectAsync(db);
        }
        return 0;
    });
}
