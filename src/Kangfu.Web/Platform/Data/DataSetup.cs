using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Catalog.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kangfu.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/kangfu.db";

    /// <summary>
    /// Read-only traffic (reports, dashboards) goes here: a standby, e.g.
    /// <c>Host=pg2,pg1;Target Session Attributes=prefer-standby</c> (Npgsql falls back to the primary when no standby is up).
    /// Empty: the primary connection.
    /// </summary>
    public string? ReadConnectionString { get; set; }
}

/// <summary>Creates a context per operation (Blazor Server keeps scoped services for a whole circuit).</summary>
public sealed class KangfuDbFactory(Func<KangfuDbContext> create, DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    public KangfuDbContext CreateDbContext() => create();
}

/// <summary>
/// Contexts for read-only queries (reports, dashboards) on <see cref="DatabaseOptions.ReadConnectionString"/> — a standby
/// when one is configured. No tracking, no audit interceptor; saving changes throws, so a write can never reach a standby.
/// Pages shown right after a save (read-your-own-write) use <see cref="KangfuDbFactory"/> instead: a standby lags.
/// </summary>
public sealed class KangfuReadDbFactory(Func<KangfuDbContext> create)
{
    public KangfuDbContext CreateDbContext() => create();
}

/// <summary>Refuses every SaveChanges on a read context.</summary>
internal sealed class ReadOnlyInterceptor : SaveChangesInterceptor
{
    public static readonly ReadOnlyInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(
        DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("A read-only context (KangfuReadDbFactory) cannot save changes.");

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A read-only context (KangfuReadDbFactory) cannot save changes.");
}

public static class DataSetup
{
    private static readonly Privacy.BlindIndexInterceptor BlindIndexes = new();

    public static IServiceCollection AddKangfuData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddScoped<AuditInterceptor>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            options.ConnectionString = PostgresConnection.WithDefaults(options.ConnectionString);
            if (!string.IsNullOrWhiteSpace(options.ReadConnectionString))
            {
                options.ReadConnectionString = PostgresConnection.WithDefaults(options.ReadConnectionString);
            }
            services.AddDbContextFactory<PostgresKangfuDbContext>(
                (sp, o) => ConfigurePostgres(o, options.ConnectionString).AddInterceptors(BlindIndexes, sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<CatalogChangeInterceptor>()),
                ServiceLifetime.Scoped);
            services.AddScoped(sp => new KangfuDbFactory(
                sp.GetRequiredService<IDbContextFactory<PostgresKangfuDbContext>>().CreateDbContext, DatabaseProvider.Postgres));
            var read = ReadOptions<PostgresKangfuDbContext>(o => ConfigurePostgres(o, ReadConnection(options)));
            services.AddSingleton(new KangfuReadDbFactory(() => new PostgresKangfuDbContext(read)));
        }
        else
        {
            EnsureSqliteFolder(options.ConnectionString);
            services.AddDbContextFactory<SqliteKangfuDbContext>(
                (sp, o) => ConfigureSqlite(o, options.ConnectionString).AddInterceptors(BlindIndexes, sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<CatalogChangeInterceptor>()),
                ServiceLifetime.Scoped);
            services.AddScoped(sp => new KangfuDbFactory(
                sp.GetRequiredService<IDbContextFactory<SqliteKangfuDbContext>>().CreateDbContext, DatabaseProvider.Sqlite));
            var read = ReadOptions<SqliteKangfuDbContext>(o => ConfigureSqlite(o, ReadConnection(options)));
            services.AddSingleton(new KangfuReadDbFactory(() => new SqliteKangfuDbContext(read)));
        }
        return services;
    }

    private static string ReadConnection(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ReadConnectionString) ? options.ConnectionString : options.ReadConnectionString;

    private static DbContextOptions<TContext> ReadOptions<TContext>(Action<DbContextOptionsBuilder> configure)
        where TContext : KangfuDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configure(builder);
        return builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(ReadOnlyInterceptor.Instance).Options;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, x => x.MigrationsHistoryTable("ef_migrations_history"));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, x => x.MigrationsHistoryTable("ef_migrations_history"));

    /// <summary>Applies migrations; on SQLite also switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(KangfuDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await AuditChainBackfill.RunAsync(db, ct);
        await AuditChain.ProtectAsync(db, ct);
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await FieldEncryptionBackfill.RunAsync(db, all: false, ct);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>For `dotnet ef migrations add … --context SqliteKangfuDbContext`.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKangfuDbContext>
{
    public SqliteKangfuDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteKangfuDbContext>();
        DataSetup.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteKangfuDbContext(builder.Options);
    }
}

/// <summary>For `dotnet ef migrations add … --context PostgresKangfuDbContext`.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKangfuDbContext>
{
    public PostgresKangfuDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresKangfuDbContext>();
        DataSetup.ConfigurePostgres(builder, "Host=127.0.0.1;Database=kangfu_design;Username=kangfu;Password=kangfu");
        return new PostgresKangfuDbContext(builder.Options);
    }
}
