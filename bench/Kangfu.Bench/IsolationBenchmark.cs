using System.Diagnostics;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Reports.ServiceRate;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Kangfu.Bench.Measure;

namespace Kangfu.Bench;

/// <summary>
/// Issue 5, item 6 — isolation at scale: one district's service-rate report (the app's own <see cref="ServiceRateQuery"/>)
/// on a database of N persons (anchor) and of 10 × N persons (subject). The measured district (120116, 20,000 persons) is
/// identical in both; the other rows belong to other districts of 20,000 persons each. Rows are generated set-based
/// (INSERT … SELECT generate_series, deterministic from the row number), not through the import: persons, home intakes
/// of the survey year (30 % of persons; 20 % with a need), service cases (10 %) and sessions (1–2 per case, some in the
/// previous year). Encrypted columns hold placeholders (the report never reads them). The large database is a copy of
/// the small one (CREATE DATABASE … TEMPLATE) plus the other districts' rows, then VACUUM ANALYZE; both reports must be
/// equal before anything is timed. Runs alternate small/large; each run is 20 reports, one at a time.
/// </summary>
internal sealed class IsolationBenchmark(BenchOptions options, int? largePersons) : IBenchmark
{
    public const string District = "120116";
    private const int PersonsPerDistrict = 20_000;
    private const int ReportYear = 2026;
    private const int Chunk = 1_000_000;
    private static readonly UserContext Reviewer = new("bench-reviewer", "bench", "基准测试", District, null, null, [Roles.DistrictReviewer], "127.0.0.1");

    public string Suite => "isolation";

    public async Task RunAsync(ResultTable results)
    {
        var large = largePersons ?? (options.Smoke ? 1_000_000 : 10_000_000);
        var small = large / 10;
        if (small < PersonsPerDistrict)
        {
            throw new InvalidOperationException($"--isolation-persons must be at least {PersonsPerDistrict * 10}");
        }
        var id = Guid.NewGuid().ToString("N")[..8];
        var (smallDb, largeDb) = ("kangfu_iso_" + id + "_s", "kangfu_iso_" + id + "_l");
        try
        {
            var smallConnection = await CreateAsync(smallDb, small, template: null, from: 0);
            var largeConnection = await CreateAsync(largeDb, large, template: smallDb, from: small);
            await MeasureAsync(results, small, large, smallConnection, largeConnection);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PgAdmin.ExecuteAsync(options.AdminConnection, $"DROP DATABASE IF EXISTS \"{smallDb}\" WITH (FORCE)");
            await PgAdmin.ExecuteAsync(options.AdminConnection, $"DROP DATABASE IF EXISTS \"{largeDb}\" WITH (FORCE)");
        }
    }

    private async Task MeasureAsync(ResultTable results, int small, int large, string smallConnection, string largeConnection)
    {
        var anchorQuery = Query(smallConnection);
        var subjectQuery = Query(largeConnection);
        var expected = await anchorQuery.HandleAsync(Reviewer, ReportYear);
        var actual = await subjectQuery.HandleAsync(Reviewer, ReportYear);
        var (e, a) = (Describe(expected), Describe(actual));
        Console.WriteLine($"# isolation: report at {small:N0} persons: {e}");
        Console.WriteLine($"# isolation: report at {large:N0} persons: {a}");
        if (e != a || expected.Needing == 0 || expected.Served == 0 || expected.Served == expected.Needing || expected.Streets.Count != 10)
        {
            throw new InvalidOperationException($"isolation: the district's report differs or is degenerate: {e} vs {a}");
        }
        await PrintPlanAsync(largeConnection);
        var runs = options.RunsOr(3, 5);
        var (anchor, subject) = await AlternateAsync("isolation", runs, () => TimeAsync(anchorQuery), () => TimeAsync(subjectQuery), "ms");
        var ratio = subject.Median / anchor.Median;
        results.Add(Invariant($"report_service_rate_district_{large}_vs_{small}_persons"), Invariant($"{subject.Median:F2} ms"),
            Invariant($"{anchor.Median:F2} ms"), ratio, "<= 1.2x", ratio <= 1.2);
        results.Detail(Invariant($"district {District}: {expected.Needing:N0} persons with a need, {expected.Served:N0} served, 10 streets; p99 subject {subject.Percentile(99):F2} ms, anchor {anchor.Percentile(99):F2} ms; {runs} runs × 20 reports"));
    }

    private static string Describe(ServiceRateReport report) =>
        Invariant($"needing {report.Needing}, served {report.Served}; ") + string.Join(" ", report.Streets.Select(s => Invariant($"{s.AreaCode[6..9]}:{s.Served}/{s.Needing}")));

    private static ServiceRateQuery Query(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PostgresKangfuDbContext>();
        DataSetup.ConfigurePostgres(builder, connectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        var dbOptions = builder.Options;
        return new ServiceRateQuery(new KangfuReadDbFactory(() => new PostgresKangfuDbContext(dbOptions)));
    }

    private static async Task<IReadOnlyList<double>> TimeAsync(ServiceRateQuery query)
    {
        var samples = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            await query.HandleAsync(Reviewer, ReportYear);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    /// <summary>Creates (or copies) the database and fills persons [from, total) with their intakes, cases and sessions.</summary>
    private async Task<string> CreateAsync(string database, int total, string? template, int from)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(options.AdminConnection) { Database = database, CommandTimeout = 0 }.ConnectionString;
        var watch = Stopwatch.StartNew();
        NpgsqlConnection.ClearAllPools();
        await PgAdmin.ExecuteAsync(options.AdminConnection, template is null
            ? $"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0"
            : $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
        if (template is null)
        {
            try
            {
                _ = Kangfu.Web.Platform.Privacy.FieldProtection.Cipher; // configured by an earlier suite: keep its keys
            }
            catch (InvalidOperationException)
            {
                Kangfu.Web.Platform.Privacy.FieldProtection.Configure(Kangfu.Web.Platform.Privacy.FieldKeyRing.Generate(), Kangfu.Web.Platform.Privacy.FieldCipherAlgorithm.AesGcm);
            }
            var builder = new DbContextOptionsBuilder<PostgresKangfuDbContext>();
            DataSetup.ConfigurePostgres(builder, connectionString);
            await using var db = new PostgresKangfuDbContext(builder.Options);
            await DataSetup.MigrateAsync(db);
        }
        for (var start = from; start < total; start += Chunk)
        {
            await PgAdmin.ExecuteAsync(connectionString, Fill(start, Math.Min(total, start + Chunk)));
            Console.WriteLine(Invariant($"# isolation: {database}: {Math.Min(total, start + Chunk):N0} / {total:N0} persons after {watch.Elapsed.TotalSeconds:F0} s"));
        }
        await PgAdmin.ExecuteAsync(connectionString, "VACUUM ANALYZE");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM registry_persons), (SELECT count(*) FROM surveys_intakes), (SELECT count(*) FROM referrals_cases),
                   (SELECT count(*) FROM services_sessions), pg_database_size(current_database())
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine(Invariant($"# isolation: {database}: {reader.GetInt64(0):N0} persons, {reader.GetInt64(1):N0} intakes, {reader.GetInt64(2):N0} cases, {reader.GetInt64(3):N0} sessions, {reader.GetInt64(4) / 1024 / 1024:N0} MB, ready after {watch.Elapsed.TotalSeconds:F0} s"));
        return connectionString;
    }

    /// <summary>
    /// Persons n in [from, to): district block n / 20,000 (block 0 = the measured district 120116, block k = 200000 + k),
    /// 10 streets × 20 communities. Every value derives from n, so the measured district is the same in every database.
    /// </summary>
    private static string Fill(int from, int to) => Invariant($$"""
        CREATE TEMP TABLE n_range AS
          SELECT n, CASE WHEN n / {{PersonsPerDistrict}} = 0 THEN '{{District}}' ELSE (200000 + n / {{PersonsPerDistrict}})::text END AS d,
                 md5('p' || n)::uuid AS pid
          FROM generate_series({{from}}, {{to - 1}}) AS n;
        INSERT INTO registry_persons (district_code, id, area_code, birth_date, categories, category, created_at, grade, id_number, id_number_hash,
            name, name_initials, reissue_count, sex, status, target_type, updated_at, version)
        SELECT d, pid, d || lpad((abs(hashtext('s' || n)) % 10 + 1)::text, 3, '0') || lpad((abs(hashtext('c' || n)) % 20 + 1)::text, 3, '0'),
               date '1950-01-01' + (n % 25000), 1 << (n % 7), n % 7 + 1, timestamptz '2025-01-01', n % 4 + 1, 'bench:' || n, md5('h' || n) || md5('x' || n),
               'bench:' || n, 'BENCH', 0, n % 2 + 1, 1, 1, timestamptz '2025-01-01', md5('v' || n)::uuid
        FROM n_range;
        INSERT INTO surveys_intakes (district_code, id, area_code, autism, categories, created_at, created_by, fill_date, has_need, name,
            needs_home_service, person_id, sex, status, unrated, version, year)
        SELECT d, md5('i' || n)::uuid, d || lpad((abs(hashtext('s' || n)) % 10 + 1)::text, 3, '0') || lpad((abs(hashtext('c' || n)) % 20 + 1)::text, 3, '0'), false, 1 << (n % 7),
               timestamptz '2025-06-01', 'bench', date '2025-06-01', n % 10 < 2, 'bench:' || n, false, pid, n % 2 + 1,
               CASE WHEN n % 10 = 2 THEN 3 WHEN n % 50 = 0 THEN 1 ELSE 2 END, false, md5('w' || n)::uuid, {{ReportYear - 1}}
        FROM n_range WHERE n % 10 < 3;
        INSERT INTO referrals_cases (district_code, id, area_code, category, created_at, direction, home_service_requested, home_visit_requested,
            kind, person_id, prosthesis_kind, service_item_code, service_item_name, state, state_changed_at, version, year)
        SELECT d, md5('c' || n)::uuid, d || lpad((abs(hashtext('s' || n)) % 10 + 1)::text, 3, '0') || lpad((abs(hashtext('c' || n)) % 20 + 1)::text, 3, '0'), n % 7 + 1,
               timestamptz '2025-09-01', 0, false, false, 1, pid, 0, 'T01', '康复训练', 50, timestamptz '2026-01-01', md5('u' || n)::uuid, {{ReportYear}}
        FROM n_range WHERE n % 10 = 0 OR n % 10 = 1 AND n % 4 = 1;
        INSERT INTO services_sessions (district_code, id, amount, case_id, content, date, institution_id, kind, person_id, provider_name,
            quantity, recorded_at, recorded_by, unit_price)
        SELECT d, md5('s' || k || ':' || n)::uuid, 100, md5('c' || n)::uuid, '训练', CASE WHEN k = 1 AND n % 30 = 0 THEN date '2025-11-01'
               ELSE date '{{ReportYear}}-01-01' + (n * k % 300) END, md5('inst' || d)::uuid, 0, pid, 'bench', 1, timestamptz '2026-01-01', 'bench', 100
        FROM n_range, generate_series(1, 2) AS k
        WHERE (n % 10 = 0 OR n % 10 = 1 AND n % 4 = 1) AND (k = 1 OR n % 3 = 0);
        DROP TABLE n_range;
        """);

    /// <summary>Prints the plan of the report's main query at the large size (index use on district_code first).</summary>
    private static async Task PrintPlanAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Invariant($"""
            EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
            SELECT substring(i.area_code, 1, 9), count(*), count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM services_sessions s WHERE s.district_code = '{District}' AND s.person_id = i.person_id
                  AND s.date >= date '{ReportYear}-01-01' AND s.date <= date '{ReportYear}-12-31'))
            FROM surveys_intakes i WHERE i.district_code = '{District}' AND i.year = {ReportYear - 1} AND i.status = 2 AND i.has_need
            GROUP BY 1
            """), connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var line = reader.GetString(0);
            if (line.Contains("Scan", StringComparison.Ordinal) || line.Contains("Buffers", StringComparison.Ordinal) || line.Contains("Execution", StringComparison.Ordinal))
            {
                Console.WriteLine("# plan: " + line.Trim());
            }
        }
    }
}
