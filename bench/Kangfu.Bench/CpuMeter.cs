using System.Diagnostics;
using System.Globalization;

namespace Kangfu.Bench;

/// <summary>
/// CPU seconds used by the app process, by every PostgreSQL process and by this (load-generating) process, read from
/// /proc (utime + stime). Divided by the requests of a phase this is a cost per request that moves far less with the
/// machine's load than throughput does (Linux only; elsewhere every figure is 0).
/// </summary>
internal readonly record struct CpuSnapshot(double App, double Postgres, double Client)
{
    public static CpuSnapshot Take(int appPid) => new(ProcessSeconds(appPid), PostgresSeconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    public static CpuSnapshot operator -(CpuSnapshot a, CpuSnapshot b) => new(a.App - b.App, a.Postgres - b.Postgres, a.Client - b.Client);

    public static CpuSnapshot operator +(CpuSnapshot a, CpuSnapshot b) => new(a.App + b.App, a.Postgres + b.Postgres, a.Client + b.Client);

    public string PerRequest(long requests) => requests <= 0 ? "no requests"
        : Measure.Invariant($"CPU per request: app {App * 1000 / requests:F2} ms, PostgreSQL {Postgres * 1000 / requests:F2} ms, load generator {Client * 1000 / requests:F2} ms");

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private static double ProcessSeconds(int pid, bool withExitedChildren = false)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return 0;
        }
        // Fields after the command name "(...)": state is field 3; utime 14, stime 15, cutime 16, cstime 17 (1-based).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var last = withExitedChildren ? 14 : 12;
        var ticks = 0.0;
        for (var i = 11; i <= last; i++)
        {
            ticks += double.Parse(fields[i], CultureInfo.InvariantCulture);
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>Every process called postgres (backends, walwriter, checkpointer…), including those that ended.</summary>
    private static double PostgresSeconds()
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (!int.TryParse(name, CultureInfo.InvariantCulture, out var pid) || Read($"/proc/{pid}/comm")?.Trim() != "postgres")
            {
                continue;
            }
            // cutime/cstime of the postmaster hold the CPU of backends that have exited (pgbench's connections).
            total += ProcessSeconds(pid, withExitedChildren: true);
        }
        return total;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
