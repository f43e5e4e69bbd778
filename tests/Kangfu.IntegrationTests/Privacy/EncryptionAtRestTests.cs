using System.Data.Common;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Privacy;

/// <summary>No ID number or mobile number is stored in clear in any column of any table; search and legacy rows still work.</summary>
public abstract partial class EncryptionAtRestTests(KangfuApp app)
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])")]
    private static partial Regex Identifier();

    [Fact]
    public async Task No_table_holds_an_id_number_or_a_mobile_number_in_clear()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "加密存储");
        using var approver = await app.LoginAsync("approver");
        // Searches are audited with their filter: the searched number must not land in the audit log in clear.
        (await approver.GetAsync($"/api/persons/export.xlsx?q={person.IdNumber}")).EnsureSuccessStatusCode();
        (await approver.GetAsync($"/api/persons/export.xlsx?q={person.Phone}")).EnsureSuccessStatusCode();

        var (cells, hits) = await ScanAsync();

        Console.WriteLine($"[figure] {app.Provider} plaintext scan: {cells} text cells in all tables, {hits.Count} ID/mobile numbers in clear");
        Assert.True(cells > 1000);
        Assert.Empty(hits);
    }

    [Fact]
    public async Task Exact_search_goes_through_the_blind_index_and_stored_values_decrypt()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "盲索引");
        using var client = await app.LoginAsync("community");

        var found = await client.GetFromJsonAsync<PagedResult<PersonRow>>($"/api/persons?q={person.IdNumber}");
        var (raw, hash) = await RawAsync(person.Id);

        Assert.Equal(person.Id, Assert.Single(found!.Items).Id);
        Assert.StartsWith(FieldCipher.Prefix, raw, StringComparison.Ordinal);
        Assert.Equal(FieldProtection.BlindIndex.IdNumber(person.IdNumber), hash.Trim());
        Assert.Equal(person.IdNumber, await app.WithDbAsync(db => db.Persons.Where(p => p.Id == person.Id).Select(p => p.IdNumber).SingleAsync()));
    }

    [Fact]
    public async Task Legacy_plaintext_rows_are_encrypted_by_the_backfill()
    {
        var person = await app.AddPersonAsync(KangfuApp.CommunityA, "旧数据");
        await ExecuteAsync($"UPDATE registry_persons SET id_number = '{person.IdNumber}', phone = '{person.Phone}', id_number_hash = 'legacy:{person.IdNumber}' WHERE id_number_hash = '{FieldProtection.BlindIndex.IdNumber(person.IdNumber)}'");

        var encrypted = await app.WithDbAsync(db => FieldEncryptionBackfill.RunAsync(db, all: false));

        Assert.True(encrypted >= 1);
        var (raw, hash) = await RawAsync(person.Id);
        Assert.StartsWith(FieldCipher.Prefix, raw, StringComparison.Ordinal);
        Assert.Equal(FieldProtection.BlindIndex.IdNumber(person.IdNumber), hash.Trim());
        var stored = await app.WithDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((person.IdNumber, person.Phone), (stored.IdNumber, stored.Phone));
    }

    private async Task<(string IdNumber, string Hash)> RawAsync(Guid id)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id_number, id_number_hash FROM registry_persons";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        var expected = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == id).Select(p => p.IdNumberHash).SingleAsync());
        return rows.Single(r => r.Item2.Trim() == expected.Trim());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<(int Cells, List<string> Hits)> ScanAsync()
    {
        var tables = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList()));
        await using var connection = await OpenAsync();
        var cells = 0;
        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string text)
                    {
                        cells++;
                        if (Identifier().IsMatch(text))
                        {
                            hits.Add($"{table}.{reader.GetName(i)}: {Web.Platform.Privacy.Mask.IdNumber(Identifier().Match(text).Value)}");
                        }
                    }
                }
            }
        }
        return (cells, hits);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = app.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(app.ConnectionString)
            : new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EncryptionAtRestTestsSqlite(SqliteApp app) : EncryptionAtRestTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EncryptionAtRestTestsPostgres(PostgresApp app) : EncryptionAtRestTests(app);
