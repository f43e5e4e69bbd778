using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kangfu.Web.Platform.Diagnostics;

/// <summary>The number of Blazor Server circuits in this process (open, and of those connected).</summary>
public sealed class CircuitCounter
{
    private int open;
    private int connected;

    public int Open => Volatile.Read(ref open);

    public int Connected => Volatile.Read(ref connected);

    internal void Opened() => Interlocked.Increment(ref open);

    internal void Closed() => Interlocked.Decrement(ref open);

    internal void Up() => Interlocked.Increment(ref connected);

    internal void Down() => Interlocked.Decrement(ref connected);
}

internal sealed class CircuitCountingHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Closed();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Up();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Down();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Bench-only memory probe (issue 5, memory per circuit): <c>GET /diag/memory</c> forces a full, blocking, compacting GC
/// and returns the live managed heap, the process working set and the circuit counts. Mapped only when
/// <c>Diagnostics:MemoryEndpoint=true</c> (the bench sets it for its own app process) and answered only on loopback.
/// </summary>
public static class MemoryDiagnostics
{
    public static IServiceCollection AddCircuitCounter(this IServiceCollection services)
    {
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<CircuitHandler, CircuitCountingHandler>();
        return services;
    }

    public static WebApplication MapMemoryDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Diagnostics:MemoryEndpoint"))
        {
            return app;
        }
        app.MapGet("/diag/memory", (HttpContext context, CircuitCounter circuits) =>
        {
            if (context.Connection.RemoteIpAddress is not { } ip || !System.Net.IPAddress.IsLoopback(ip))
            {
                return Results.NotFound();
            }
            for (var i = 0; i < 2; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new MemorySnapshot(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes,
                process.WorkingSet64, circuits.Open, circuits.Connected));
        }).AllowAnonymous();
        return app;
    }
}

/// <summary>Bytes after a forced full GC: live managed objects, GC heap size, process working set; circuit counts.</summary>
public sealed record MemorySnapshot(long ManagedBytes, long HeapSizeBytes, long WorkingSetBytes, int Circuits, int ConnectedCircuits);
