using System.Diagnostics;
using System.Net.Http.Json;
using Npgsql;
using static Kangfu.Bench.Measure;

namespace Kangfu.Bench;

/// <summary>
/// Registry search (issue item 3) through the running app's HTTP API (GET /api/persons?q=…, signed in as the district reviewer),
/// one request at a time, against hand-written SQL on the same database via Npgsql:
/// exact ID number vs a prepared lookup on the (district_code, id_number_hash) unique blind index (goal: p99 ≤ 10 ms);
/// name fragment and pinyin initials vs a hand-written pg_trgm query on a copy of the columns with GIN trigram indexes
/// (goal: p99 ≤ 2 × anchor + 2 ms). Correctness first: the API and the anchor find the same persons.
/// </summary>
internal sealed class SearchBenchmark(BenchOptions options, Func<Task<SeededApp>> seeded) : IBenchmark
{
    private const string District = "120116";

    public string Suite => "search";

    public async Task RunAsync(ResultTable results)
    {
        var app = await seeded();
        var runs = options.RunsOr(3, 5);
        var perRun = options.Smoke ? 100 : 200;
        using var client = await app.LoginAsync("reviewer");
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await PrepareTrigramAnchorAsync(connection);
        // Pinyin-initials queries are what the app recognises as such (ASCII letters, at most 8).
        var samples = app.Data.Samples.Where(p => p.NameInitials.Length is > 0 and <= 8 && p.NameInitials.All(char.IsAsciiLetter)).ToList();
        var rows = app.Data.Rows;

        // Exact ID number: the ID number is encrypted, the lookup goes through its blind index (HMAC, same keys as the app).
        await using var byId = new NpgsqlCommand(
            "SELECT id FROM registry_persons WHERE district_code = @d::character(6) AND id_number_hash = @q::character(64)", connection);
        byId.Parameters.AddWithValue("d", District);
        var idParameter = byId.Parameters.AddWithValue("q", "");
        await byId.PrepareAsync();
        async Task<List<Guid>> AnchorById(string q)
        {
            idParameter.Value = Kangfu.Web.Platform.Privacy.FieldProtection.BlindIndex.IdNumber(q);
            var ids = new List<Guid>();
            await using var reader = await byId.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
            return ids;
        }
        await VerifyAsync("exact ID", samples.Take(50).Select(s => s.IdNumber), client, async q => (await AnchorById(q), (long?)null), exactlyOne: true);
        var (a, s) = await AlternateAsync("search id", runs,
            () => TimeEachAsync(samples, perRun, async p => await AnchorById(p.IdNumber)),
            () => TimeEachAsync(samples, perRun, p => ApiAsync(client, p.IdNumber)), "ms");
        Report(results, $"search_id_api_{rows}_persons", a, s, goal: "p99 <= 10 ms", pass: s.Percentile(99) <= 10);

        // Name fragment and pinyin initials (the app: LIKE '%…%' / strpos on registry_persons; the anchor: pg_trgm GIN).
        await using var byName = new NpgsqlCommand(
            "SELECT id, count(*) OVER () FROM bench_trgm WHERE district_code = @d::character(6) AND name LIKE @q ORDER BY name, id LIMIT 20", connection);
        await using var byInitials = new NpgsqlCommand(
            "SELECT id, count(*) OVER () FROM bench_trgm WHERE district_code = @d::character(6) AND name_initials LIKE @q ORDER BY name, id LIMIT 20", connection);
        foreach (var (kind, command, fragment) in new (string, NpgsqlCommand, Func<SamplePerson, string>)[]
        {
            ("name", byName, p => p.Name[..Math.Min(2, p.Name.Length)]),
            ("pinyin", byInitials, p => p.NameInitials),
        })
        {
            command.Parameters.AddWithValue("d", District);
            var parameter = command.Parameters.AddWithValue("q", "");
            await command.PrepareAsync();
            async Task<(List<Guid> Ids, long? Total)> Anchor(string q)
            {
                parameter.Value = "%" + q + "%";
                var ids = new List<Guid>();
                long? total = 0;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetGuid(0));
                    total = reader.GetInt64(1);
                }
                return (ids, total);
            }
            await VerifyAsync(kind, samples.Take(20).Select(fragment), client, Anchor, exactlyOne: false);
            var (fa, fs) = await AlternateAsync("search " + kind, runs,
                () => TimeEachAsync(samples, perRun / 2, async p => await Anchor(fragment(p))),
                () => TimeEachAsync(samples, perRun / 2, p => ApiAsync(client, fragment(p))), "ms");
            var limit = 2 * fa.Percentile(99) + 2;
            Report(results, $"search_{kind}_fragment_api_{rows}_persons", fa, fs, Invariant($"p99 <= 2x anchor + 2 ms = {limit:F1} ms"), fs.Percentile(99) <= limit);
        }
    }

    private static void Report(ResultTable results, string metric, Samples anchor, Samples subject, string goal, bool pass)
    {
        results.Add(metric, Invariant($"p99 {subject.Percentile(99):F2} ms"), Invariant($"p99 {anchor.Percentile(99):F2} ms"),
            subject.Percentile(99) / anchor.Percentile(99), goal, pass);
        results.Detail(Invariant($"p50 subject {subject.Percentile(50):F2} ms, anchor {anchor.Percentile(50):F2} ms; {subject.Runs.Sum(r => r.Count)} requests each, one at a time"));
    }

    /// <summary>The trigram anchor: the searchable columns copied into their own table with GIN trigram indexes.</summary>
    private static async Task PrepareTrigramAnchorAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            DROP TABLE IF EXISTS bench_trgm;
            CREATE TABLE bench_trgm AS SELECT district_code, id, name, name_initials FROM registry_persons;
            CREATE INDEX ix_bench_trgm_name ON bench_trgm USING gin (name gin_trgm_ops);
            CREATE INDEX ix_bench_trgm_initials ON bench_trgm USING gin (name_initials gin_trgm_ops);
            ANALYZE bench_trgm;
            """, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(List<Guid> Ids, long? Total)> ApiAsync(HttpClient client, string q)
    {
        var page = await client.GetFromJsonAsync<Page>(new Uri("/api/persons/?pageSize=20&q=" + Uri.EscapeDataString(q), UriKind.Relative))
            ?? throw new InvalidOperationException("empty response");
        return (page.Items.Select(i => i.Id).ToList(), page.Total);
    }

    private static async Task VerifyAsync(string kind, IEnumerable<string> queries, HttpClient client,
        Func<string, Task<(List<Guid> Ids, long? Total)>> anchor, bool exactlyOne)
    {
        var checkedQueries = 0;
        foreach (var q in queries)
        {
            var (apiIds, apiTotal) = await ApiAsync(client, q);
            var (anchorIds, anchorTotal) = await anchor(q);
            var same = exactlyOne
                ? apiIds.Count == 1 && anchorIds.SequenceEqual(apiIds)
                : apiTotal == anchorTotal && apiTotal > 0 && apiIds.Order().SequenceEqual(anchorIds.Order());
            if (!same)
            {
                throw new InvalidOperationException(Invariant($"search {kind}: the API and the anchor disagree for a query of {q.Length} characters (API {apiIds.Count} of {apiTotal}, anchor {anchorIds.Count} of {anchorTotal})"));
            }
            checkedQueries++;
        }
        Console.WriteLine(Invariant($"# search {kind}: verified {checkedQueries} queries, API and anchor return the same persons"));
    }

    private static async Task<IReadOnlyList<double>> TimeEachAsync<T>(List<SamplePerson> samples, int count, Func<SamplePerson, Task<T>> call)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var person = samples[Random.Shared.Next(samples.Count)];
            var start = Stopwatch.GetTimestamp();
            await call(person);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return latencies;
    }

    private sealed record Page(List<Item> Items, int Total);

    private sealed record Item(Guid Id);
}
