using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Kangfu.Web.Platform.Data;
using Npgsql;
using static Kangfu.Bench.Measure;

namespace Kangfu.Bench;

/// <summary>
/// A PostgreSQL database holding N persons, loaded through the app's own import (binary COPY into staging + one merge,
/// with validation and audit), and the real application (Kangfu.Web, a separate process) listening on a loopback port.
/// Shared by the search, api and pages benchmarks; created on first use.
/// </summary>
internal sealed class SeededApp : IAsyncDisposable
{
    public const string Password = "Kangfu@2026demo";

    /// <summary>A field-encryption key ring made for this bench run (KANGFU_BENCH_CIPHER=Sm4 measures SM4-GCM, as ImportRunner).</summary>
    private static readonly string KeysJson = System.Text.Json.JsonSerializer.Serialize(new
    {
        ActiveKeyId = 1,
        Keys = new Dictionary<string, string> { ["1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) },
        BlindIndexKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    });

    private static readonly Kangfu.Web.Platform.Privacy.FieldCipherAlgorithm Cipher =
        Enum.Parse<Kangfu.Web.Platform.Privacy.FieldCipherAlgorithm>(Environment.GetEnvironmentVariable("KANGFU_BENCH_CIPHER") ?? "AesGcm");

    private readonly string adminConnection;
    private readonly string database;
    private Process? process;

    private SeededApp(string adminConnection, string database, string connectionString, BenchData data, Uri baseAddress)
    {
        this.adminConnection = adminConnection;
        this.database = database;
        ConnectionString = connectionString;
        Data = data;
        BaseAddress = baseAddress;
    }

    public string ConnectionString { get; }

    public BenchData Data { get; }

    public Uri BaseAddress { get; }

    /// <summary>The app process's id (for a heap dump with dotnet-gcdump while a suite runs).</summary>
    public int ProcessId => process?.Id ?? 0;

    public static async Task<SeededApp> StartAsync(BenchOptions options, int rows)
    {
        var database = "kangfu_bench_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(options.AdminConnection) { Database = database, MaxPoolSize = 64 }.ConnectionString;
        var folder = Directory.CreateDirectory(Path.Combine(options.Folder, "seed")).FullName;
        await PgAdmin.ExecuteAsync(options.AdminConnection, $"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0");
        try
        {
            return await SeedAndStartAsync(options, rows, database, connectionString, folder);
        }
        catch
        {
            NpgsqlConnection.ClearAllPools();
            await PgAdmin.ExecuteAsync(options.AdminConnection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            throw;
        }
    }

    private static async Task<SeededApp> SeedAndStartAsync(BenchOptions options, int rows, string database, string connectionString, string folder)
    {
        var watch = Stopwatch.StartNew();
        BenchData data;
        await using (var runner = await ImportRunner.CreateAsync(DatabaseProvider.Postgres, connectionString, Path.Combine(folder, "imports")))
        {
            // The app process (Production) must decrypt what the import encrypts: one throw-away key ring for both.
            Kangfu.Web.Platform.Privacy.FieldProtection.Configure(Kangfu.Web.Platform.Privacy.FieldKeyRing.FromJson(KeysJson), Cipher);
            var (communities, names) = await runner.AreasAsync();
            data = BenchData.Create(folder, communities, names, rows, xlsx: false);
            Console.WriteLine(Invariant($"# seed: {rows:N0} persons generated in {watch.Elapsed.TotalSeconds:F1} s ({new FileInfo(data.CsvPath).Length / 1024 / 1024:N0} MB CSV)"));
            var (validate, commit, status) = await runner.ImportAsync(data.CsvPath);
            var stored = await runner.CountPersonsAsync();
            if (status.Inserted != rows || stored != rows)
            {
                throw new InvalidOperationException(Invariant($"seed: file {rows}, inserted {status.Inserted}, stored {stored} ({status.Message})"));
            }
            Console.WriteLine(Invariant($"# seed: {stored:N0} persons imported through the app (validate {validate.TotalSeconds:F1} s, commit {commit.TotalSeconds:F1} s)"));
        }
        NpgsqlConnection.ClearAllPools();
        await PgAdmin.ExecuteAsync(connectionString, "VACUUM ANALYZE");
        await PrintSizesAsync(connectionString);
        var port = FreePort();
        var app = new SeededApp(options.AdminConnection, database, connectionString, data, new Uri(Invariant($"http://127.0.0.1:{port}")));
        try
        {
            app.Start(port);
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            app.StopProcess();
            throw;
        }
        return app;
    }

    /// <summary>An HTTP client signed in as one of the demo users (cookie authentication, as the browser does).</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"login as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        StopProcess();
        NpgsqlConnection.ClearAllPools();
        await PgAdmin.ExecuteAsync(adminConnection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private void StopProcess()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process?.Dispose();
        process = null;
    }

    private void Start(int port)
    {
        // Kangfu.Web's apphost and runtimeconfig are copied next to the bench (project reference to an Exe project).
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Kangfu.Web.exe" : "Kangfu.Web"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Invariant($"http://127.0.0.1:{port}"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["Database__ConnectionString"] = ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Kangfu__Encryption__KeysJson"] = KeysJson;
        start.Environment["Kangfu__Encryption__Cipher"] = Cipher.ToString();
        start.Environment["Kangfu__BuildOutputAssets"] = "true"; // blazor.web.js and MudBlazor from the build output (circuits suite)
        start.Environment["Diagnostics__MemoryEndpoint"] = "true"; // GET /diag/memory for the circuits suite (loopback only)
        process = Process.Start(start) ?? throw new InvalidOperationException("Kangfu.Web did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) { Console.WriteLine("# app: " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) { Console.WriteLine("# app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException(Invariant($"Kangfu.Web exited with {process.ExitCode}"));
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine(Invariant($"# app: Kangfu.Web listening on {BaseAddress} (ready after {watch.Elapsed.TotalSeconds:F1} s)"));
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("Kangfu.Web did not become healthy within 120 s");
    }

    /// <summary>Bytes per row of the tables the seed filled (heap + indexes + TOAST), the input of docs/scaling.md.</summary>
    private static async Task PrintSizesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid), pg_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples >= 1000 ORDER BY pg_total_relation_size(c.oid) DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (rows, total, heap) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            Console.WriteLine(Invariant($"# size: {reader.GetString(0)}: {rows:N0} rows, {total / 1024 / 1024.0:F1} MB total ({total / rows:N0} B/row; heap {heap / rows:N0} B/row, indexes+toast {(total - heap) / rows:N0} B/row)"));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
