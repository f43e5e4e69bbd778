using System.Net.Http.Json;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Reports.ServiceRate;
using Kangfu.Web.Modules.ServiceRecords;
using Kangfu.Web.Modules.Surveys;
using Kangfu.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kangfu.IntegrationTests.Platform;

/// <summary>
/// The app on PostgreSQL with Database:ReadConnectionString = "standby, then primary; Target Session Attributes=prefer-standby"
/// (docs/scaling.md, step 1 → 2). Its database is created on the primary and reaches the standby by streaming replication.
/// </summary>
public sealed class ReplicaApp : KangfuApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override int DemoPersons => 20;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:ReadConnectionString", Standby.PreferStandby(ConnectionString));
    }
}

/// <summary>
/// Read routing against a real streaming standby (scripts/pg-standby.sh, started by scripts/test.sh): the report and the
/// dashboard read from the standby, writes go to the primary, and a write is visible to those reads once it is replayed.
/// Replay is paused on the standby to prove where the reads come from.
/// </summary>
public sealed class ReadReplicaTests(ReplicaApp app) : IClassFixture<ReplicaApp>
{
    private const int NeedYear = 2050;
    private const int Year = 2051;

    [SkippableFact]
    public async Task Reads_are_served_by_the_standby_and_see_a_primary_write_once_it_is_replayed()
    {
        Skip.If(Standby.Unavailable is not null, "no local standby: " + Standby.Unavailable);
        await WaitForReplayAsync(await PrimaryLsnAsync());
        using var client = await app.LoginAsync("reviewer");
        var before = await ReportAsync(client);

        await using (var standby = await OpenStandbyAsync())
        {
            await ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
            try
            {
                await AddServedPersonAsync();
                var primaryCount = await app.WithDbAsync(db => db.Intakes.CountAsync(i => i.Year == NeedYear && i.HasNeed));
                var whilePaused = await ReportAsync(client);

                Assert.Equal(before.Needing + 1, primaryCount);
                Assert.Equal((before.Needing, before.Served), (whilePaused.Needing, whilePaused.Served));
            }
            finally
            {
                await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
            }
        }
        await WaitForReplayAsync(await PrimaryLsnAsync());
        var after = await ReportAsync(client);

        Assert.Equal((before.Needing + 1, before.Served + 1), (after.Needing, after.Served));
    }

    [SkippableFact]
    public async Task Read_contexts_connect_to_the_standby_and_cannot_write_there_while_writes_go_to_the_primary()
    {
        Skip.If(Standby.Unavailable is not null, "no local standby: " + Standby.Unavailable);
        await WaitForReplayAsync(await PrimaryLsnAsync());
        await using var scope = app.Services.CreateAsyncScope();
        await using var read = scope.ServiceProvider.GetRequiredService<KangfuReadDbFactory>().CreateDbContext();
        await using var write = scope.ServiceProvider.GetRequiredService<KangfuDbFactory>().CreateDbContext();
        var standbyPort = new NpgsqlConnectionStringBuilder(Standby.AdminConnectionString).Port;
        var primaryPort = new NpgsqlConnectionStringBuilder(app.ConnectionString).Port;

        var readSide = await ServerAsync(read);
        var writeSide = await ServerAsync(write);
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            read.Database.ExecuteSqlRawAsync("UPDATE registry_persons SET address = address WHERE false"));

        Assert.Equal((true, standbyPort), readSide);
        Assert.Equal((false, primaryPort), writeSide);
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    private static async Task<(bool InRecovery, int Port)> ServerAsync(KangfuDbContext db)
    {
        var row = await db.Database.SqlQueryRaw<ServerRow>("SELECT pg_is_in_recovery() AS \"InRecovery\", inet_server_port() AS \"Port\"").SingleAsync();
        return (row.InRecovery, row.Port);
    }

    private static async Task<ServiceRateReport> ReportAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<ServiceRateReport>($"/api/reports/service-rate?year={Year}"))!;

    private async Task AddServedPersonAsync()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA);
        await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            db.Intakes.Add(new Intake
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                AreaCode = person.AreaCode,
                Year = NeedYear,
                FillDate = new DateOnly(NeedYear, 5, 1),
                Name = person.Name,
                Sex = person.Sex,
                HasNeed = true,
                Status = IntakeStatus.Submitted,
                CreatedAt = now,
            });
            var rehabCase = new RehabCase
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                AreaCode = person.AreaCode,
                Year = Year,
                Kind = CaseKind.Service,
                State = CaseState.Served,
                Category = DisabilityCategory.Physical,
                ServiceItemCode = "T01",
                ServiceItemName = "康复训练",
                CreatedAt = now,
                StateChangedAt = now,
            };
            db.Cases.Add(rehabCase);
            db.ServiceSessions.Add(new ServiceSession
            {
                DistrictCode = KangfuApp.District,
                Id = Guid.CreateVersion7(),
                CaseId = rehabCase.Id,
                PersonId = person.Id,
                InstitutionId = Guid.CreateVersion7(),
                Date = new DateOnly(Year, 2, 1),
                ProviderName = "测试",
                Content = "训练",
                RecordedAt = now,
                RecordedBy = "test",
            });
            return await db.SaveChangesAsync();
        });
    }

    private async Task<string> PrimaryLsnAsync() =>
        await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT pg_current_wal_lsn()::text AS \"Value\"").SingleAsync());

    private static async Task WaitForReplayAsync(string lsn)
    {
        await using var standby = await OpenStandbyAsync();
        // Never called while a test pauses replay on purpose; an earlier run stopped mid-pause must not leave it paused.
        await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var command = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", standby) { Parameters = { new() { Value = lsn } } };
            if (await command.ExecuteScalarAsync() is true)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the standby did not replay up to {lsn} within 10 s");
    }

    private static async Task<NpgsqlConnection> OpenStandbyAsync()
    {
        var connection = new NpgsqlConnection(Standby.AdminConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record ServerRow(bool InRecovery, int Port);
}
