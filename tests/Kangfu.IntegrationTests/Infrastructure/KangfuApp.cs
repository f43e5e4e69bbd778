using System.Net.Http.Json;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.Pinyin;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kangfu.IntegrationTests.Infrastructure;

/// <summary>
/// The real application on a real database: a fresh SQLite file, or a fresh PostgreSQL database on the server
/// that scripts/test.sh starts (KANGFU_TEST_PG, default Host=127.0.0.1;Username=kangfu;Password=kangfu).
/// The demo district is loaded with a few hundred persons and one login per role.
/// </summary>
public abstract class KangfuApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = DemoDistrict.Password;
    public const string District = DemoDistrict.DistrictCode;
    /// <summary>The community of the demo users "community" and "doctor" (塘沽街道紫云园社区).</summary>
    public const string CommunityA = "120116001016";
    /// <summary>The community of "community2" (杭州道街道).</summary>
    public const string CommunityB = "120116005001";

    private readonly string databaseName = "kangfu_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? sqlitePath;

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = "";

    protected virtual int DemoPersons => 200;

    public async Task InitializeAsync()
    {
        ConnectionString = Provider == DatabaseProvider.Postgres ? await CreatePostgresDatabaseAsync() : CreateSqliteFile();
        await using var scope = Services.CreateAsyncScope();
        await using (var db = scope.ServiceProvider.GetRequiredService<KangfuDbFactory>().CreateDbContext())
        {
            await DataSetup.MigrateAsync(db);
        }
        await scope.ServiceProvider.GetRequiredService<DemoDistrict>().EnsureAsync(DemoPersons);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else if (sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(sqlitePath)!, Path.GetFileName(sqlitePath) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        // Every test logs in from 127.0.0.1, the demo logins many times: the per-IP and per-name login limits are tested on their own (WebHardeningTests).
        builder.UseSetting("Security:LoginPermitsPerMinute", "100000");
        builder.UseSetting("Security:LoginPermitsPerUserPerMinute", "100000");
        builder.UseSetting("Security:ExportPermitsPerMinute", "100000");
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientIp>());
    }

    /// <summary>An HTTP client signed in as one of the demo logins (cookies kept).</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password, code = Totp.CodeFor(userName) });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Adds one person in the given community directly to the database and returns it.</summary>
    public async Task<Person> AddPersonAsync(string areaCode, string? name = null, DisabilityCategory category = DisabilityCategory.Physical, int grade = 2)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<KangfuDbFactory>().CreateDbContext();
        // Adults only (born 1950–1993): a minor would need a guardian.
        var id = TestIds.NewResidentId(new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(16000)));
        name ??= "测试" + TestIds.RandomGivenName();
        var person = new Person
        {
            DistrictCode = District,
            Id = Guid.CreateVersion7(),
            IdNumber = id,
            Name = name,
            NameInitials = PinyinInitials.Of(name),
            Sex = (id[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female,
            BirthDate = DateOnly.ParseExact(id.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            CertificateNumber = $"{id}{(int)category}{grade}",
            Category = category,
            Categories = DisabilityCategories.ToFlag(category),
            Grade = grade,
            AreaCode = areaCode,
            Phone = "13800" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            UpdatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task<T> WithDbAsync<T>(Func<KangfuDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<KangfuDbFactory>().CreateDbContext();
        return await action(db);
    }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("KANGFU_TEST_PG") ?? "Host=127.0.0.1;Username=kangfu;Password=kangfu;Database=postgres";

    private async Task<string> CreatePostgresDatabaseAsync()
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\" ENCODING 'UTF8' TEMPLATE template0", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = databaseName }.ConnectionString;
    }

    private string CreateSqliteFile()
    {
        sqlitePath = Path.Combine(Path.GetTempPath(), databaseName + ".db");
        return $"Data Source={sqlitePath}";
    }
}

public sealed class SqliteApp : KangfuApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : KangfuApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "postgres";
}
