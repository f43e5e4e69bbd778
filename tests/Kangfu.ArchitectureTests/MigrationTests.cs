using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.ArchitectureTests;

/// <summary>A model change without a migration for each provider fails the build (jellyfin's drift test).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteKangfuDbContext>();
        DataSetup.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteKangfuDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteKangfuDbContext --output-dir Platform/Data/Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<PostgresKangfuDbContext>();
        DataSetup.ConfigurePostgres(options, "Host=127.0.0.1;Database=unused");
        using var db = new PostgresKangfuDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresKangfuDbContext --output-dir Platform/Data/Migrations/Postgres");
    }
}
