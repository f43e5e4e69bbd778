using System.Globalization;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Audit.VerifyAudit;
using Kangfu.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Security;

/// <summary>Throwaway districts for audit chains a test fills, tampers with and drops again (the demo district's chains stay intact).</summary>
internal static class AuditKit
{
    public static string TestDistrict() => "9" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    public static async Task<AuditVerification> VerifyAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().HandleAsync();
    }

    /// <summary>Runs SQL as the database owner would: with the append-only triggers dropped, restored afterwards.</summary>
    public static Task<int> UnprotectedAsync(KangfuApp app, Func<KangfuDbContext, Task> action) => app.WithDbAsync(async db =>
    {
        await AuditChain.LiftProtectionAsync(db);
        try
        {
            await action(db);
        }
        finally
        {
            await AuditChain.ProtectAsync(db);
        }
        return 0;
    });

    /// <summary>Removes every audit row and checkpoint of the district.</summary>
    public static Task<int> DropDistrictAsync(KangfuApp app, string district) => UnprotectedAsync(app, async db =>
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE district_code = {0}", district);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_checkpoints WHERE district_code = {0}", district);
    });
}
