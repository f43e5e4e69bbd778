using Kangfu.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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
}

/// <summary>Creates a context per operation (Blazor Server keeps scoped services for a whole circuit).</summary>
public sealed class KangfuDbFactory(Func<KangfuDbContext> create, DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    public KangfuDbContext CreateDbContext() => create();
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
            services.AddDbContextFactory<PostgresKangfuDbContext>(
                (sp, o) => ConfigurePostgres(o, options.ConnectionString).AddInterceptors(BlindIndexes, sp.GetRequiredService<AuditInterceptor>()),
                ServiceLifetime.Scoped);
            services.AddScoped(sp => new KangfuDbFactory(
                sp.GetRequiredService<IDbContextFactory<PostgresKangfuDbContext>>().CreateDbContext, DatabaseProvider.Postgres));
        }
        else
        {
            EnsureSqliteFolder(options.ConnectionString);
            services.AddDbContextFactory<SqliteKangfuDbContext>(
                (sp, o) => ConfigureSqlite(o, options.ConnectionString).AddInterceptors(BlindIndexes, sp.GetRequiredService<AuditInterceptor>()),
                ServiceLifetime.Scoped);
            services.AddScoped(sp => new KangfuDbFactory(
                sp.GetRequiredService<IDbContextFactory<SqliteKangfuDbContext>>().CreateDbContext, DatabaseProvider.Sqlite));
        }
        return services;
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
