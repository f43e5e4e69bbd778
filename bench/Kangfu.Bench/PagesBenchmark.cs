using System.Diagnostics;
using System.Net.Http.Json;
using Npgsql;
using static Kangfu.Bench.Measure;

namespace Kangfu.Bench;

/// <summary>
/// Key pages under load (issue item 4): 100 concurrent clients signed in as the district reviewer request the person list of
/// one community (GET /api/persons?area=…) or one person's detail with its timeline (GET /api/persons/{id}); anchor: the
/// app's minimal endpoint (/healthz: no auth, one database round trip) under the same 100 clients in the same run.
/// Goal: throughput ≥ 0.05 × the anchor's, p99 ≤ 50 ms. Load generator: HttpClient in this process (closed loop).
/// </summary>
internal sealed class PagesBenchmark(BenchOptions options, Func<Task<SeededApp>> seeded) : IBenchmark
{
    private const int Clients = 100;

    public string Suite => "pages";

    public async Task RunAsync(ResultTable results)
    {
        var app = await seeded();
        var runs = options.RunsOr(2, 3);
        var seconds = options.Smoke ? 5 : 10;
        using var client = await app.LoginAsync("reviewer");
        using var anonymous = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.BaseAddress };
        var samples = app.Data.Samples;
        var communities = samples.Select(s => s.AreaCode).Distinct().ToList();
        var (personIds, communityTotals) = await ExpectedAsync(app.ConnectionString, communities);

        // Correct before timed: the list's total equals the community's count in the database; the detail's timeline
        // holds as many items as the person's events.
        foreach (var community in communities.Take(5))
        {
            var page = await client.GetFromJsonAsync<ListPage>(new Uri($"/api/persons/?pageSize=20&area={community}", UriKind.Relative));
            if (page?.Total != communityTotals[community])
            {
                throw new InvalidOperationException(Invariant($"pages: the community list shows {page?.Total} persons, the database holds {communityTotals[community]}"));
            }
        }
        foreach (var (id, events) in personIds.Take(5))
        {
            var detail = await client.GetFromJsonAsync<Detail>(new Uri($"/api/persons/{id}", UriKind.Relative));
            if (detail?.Summary.Id != id || detail.Timeline.Count != events)
            {
                throw new InvalidOperationException(Invariant($"pages: the detail shows {detail?.Timeline.Count} timeline items, the database holds {events}"));
            }
        }
        Console.WriteLine("# pages: verified community list totals and person timelines against the database");

        foreach (var (name, path) in new (string, Func<string>)[]
        {
            ("person_list_by_community", () => "/api/persons/?pageSize=20&area=" + communities[Random.Shared.Next(communities.Count)]),
            ("person_detail_timeline", () => "/api/persons/" + personIds[Random.Shared.Next(personIds.Count)].Id),
        })
        {
            var latencies = new List<List<double>>();
            var (a, s) = await AlternateAsync("pages " + name, runs,
                async () => [(await LoadAsync(anonymous, () => "/healthz", seconds)).Tps],
                async () =>
                {
                    var (tps, runLatencies) = await LoadAsync(client, path, seconds);
                    latencies.Add(runLatencies);
                    return [tps];
                }, "req/s");
            var ratio = s.Median / a.Median;
            var p99 = Percentile(latencies.Skip(1).SelectMany(l => l), 99); // without the warm-up run
            results.Add($"page_{name}_{Clients}_clients", Invariant($"{s.Median:F0} req/s, p99 {p99:F0} ms"), Invariant($"{a.Median:F0} req/s (/healthz)"), ratio,
                ">= 0.05x and p99 <= 50 ms", ratio >= 0.05 && p99 <= 50);
        }
    }

    private static async Task<(double Tps, List<double> Latencies)> LoadAsync(HttpClient client, Func<string> path, int seconds)
    {
        var latencies = new List<double>[Clients];
        var watch = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async index =>
        {
            var own = latencies[index] = [];
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(path(), UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                own.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException(Invariant($"pages: {(int)response.StatusCode} from {response.RequestMessage?.RequestUri?.AbsolutePath}"));
                }
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count / watch.Elapsed.TotalSeconds, all);
    }

    private static async Task<(List<(Guid Id, long Events)> Persons, Dictionary<string, long> CommunityTotals)> ExpectedAsync(string connectionString, List<string> communities)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var persons = new List<(Guid, long)>();
        await using (var command = new NpgsqlCommand("""
            SELECT p.id, (SELECT count(*) FROM registry_person_events e WHERE e.district_code = p.district_code AND e.person_id = p.id)
            FROM registry_persons p WHERE p.district_code = '120116' ORDER BY p.id LIMIT 1000
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                persons.Add((reader.GetGuid(0), reader.GetInt64(1)));
            }
        }
        var totals = new Dictionary<string, long>();
        await using (var command = new NpgsqlCommand(
            "SELECT area_code, count(*) FROM registry_persons WHERE district_code = '120116' AND area_code = ANY(@a) GROUP BY area_code", connection))
        {
            command.Parameters.AddWithValue("a", communities.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                totals[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        return (persons, totals);
    }

    private sealed record ListPage(int Total);

    private sealed record Detail(Summary Summary, List<TimelineEntry> Timeline);

    private sealed record Summary(Guid Id);

    private sealed record TimelineEntry(string Kind);
}
