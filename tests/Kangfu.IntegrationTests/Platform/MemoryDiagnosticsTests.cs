using System.Net;
using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Platform.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Kangfu.IntegrationTests.Platform;

/// <summary>The bench-only memory probe: absent unless Diagnostics:MemoryEndpoint=true, loopback only when present.</summary>
public abstract class MemoryDiagnosticsTests(KangfuApp app)
{
    [Fact]
    public async Task The_memory_probe_is_not_mapped_by_default()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/diag/memory", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task When_enabled_it_reports_the_heap_after_a_full_gc_on_loopback_only()
    {
        await using var enabled = app.WithWebHostBuilder(b => b.UseSetting("Diagnostics:MemoryEndpoint", "true"));
        using var local = enabled.CreateClient();

        var snapshot = await local.GetFromJsonAsync<MemorySnapshot>("/diag/memory");
        var refused = await enabled.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/diag/memory";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.8");
        });

        Assert.True(snapshot!.ManagedBytes > 1_000_000 && snapshot.WorkingSetBytes > snapshot.ManagedBytes, $"{snapshot}");
        Assert.Equal(0, snapshot.Circuits);
        Assert.Equal(StatusCodes.Status404NotFound, refused.Response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemoryDiagnosticsTestsSqlite(SqliteApp app) : MemoryDiagnosticsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemoryDiagnosticsTestsPostgres(PostgresApp app) : MemoryDiagnosticsTests(app);
