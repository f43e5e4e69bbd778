using System.Net;
using System.Text;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.IntegrationTests.Referrals;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Modules.Registry;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kangfu.IntegrationTests.Security;

/// <summary>
/// 访问控制: every role tries every endpoint (enumerated from the app's EndpointDataSource, so new endpoints are included)
/// × its verbs against persons, cases and intakes of another community, street, institution or district, and every
/// list, search, export and statistics endpoint with the other person's ID number and name as the search term.
/// A leak is a 2xx on an object endpoint, or the other person's ID number, name or phone anywhere in a response body.
/// </summary>
public abstract class CrossAreaTests(KangfuApp app, ITestOutputHelper output)
{
    private const string OtherDistrict = "120101";

    private sealed record Target(string Label, Person Person, IReadOnlyList<Guid> Ids)
    {
        /// <summary>
        /// Without the case: an unassigned case in an area an institution serves is in that institution's claim pool by design
        /// (masked), so for institution roles only the person and intake count as out-of-scope objects.
        /// </summary>
        public Target WithoutCase(Guid caseId) => this with { Ids = Ids.Where(i => i != caseId).ToList() };
    }

    [Fact]
    public async Task No_role_reads_or_changes_anything_of_another_area_or_district()
    {
        var (inB, caseB) = await TargetAsync("杭州道社区", KangfuApp.CommunityB);
        var (inA, caseA) = await TargetAsync("紫云园社区", KangfuApp.CommunityA);
        var poolA = inA.WithoutCase(caseA);
        var poolB = inB.WithoutCase(caseB);
        var otherDistrict = await OtherDistrictTargetAsync();
        var plan = new (string User, Target[] Targets)[]
        {
            ("community", [inB, otherDistrict]),
            ("doctor", [inB, otherDistrict]),
            ("community2", [inA, otherDistrict]),
            ("street", [inB, otherDistrict]),
            ("assessor", [poolA, poolB, otherDistrict]),
            ("technician", [poolA, poolB, otherDistrict]),
            ("rehab", [poolA, poolB, otherDistrict]),
            ("device", [poolA, poolB, otherDistrict]),
            ("reviewer", [otherDistrict]),
            ("approver", [otherDistrict]),
            ("admin", [otherDistrict]),
            ("security", [inA, inB, otherDistrict]),
            ("auditor", [inA, inB, otherDistrict]),
        };
        var (objectRoutes, listRoutes) = Routes();
        var attempts = 0;
        var leaks = new List<string>();
        var byKind = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (user, targets) in plan)
        {
            using var client = await app.LoginAsync(user);
            foreach (var target in targets)
            {
                foreach (var (pattern, method) in objectRoutes)
                {
                    foreach (var id in target.Ids)
                    {
                        var url = "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{[a-zA-Z]+(:guid)?\}", id.ToString());
                        var response = await SendAsync(client, method, url);
                        attempts++;
                        Count(byKind, method + " object");
                        var body = await response.Content.ReadAsStringAsync();
                        var isPage = !pattern.TrimStart('/').StartsWith("api/", StringComparison.Ordinal);
                        if (!isPage && response.IsSuccessStatusCode)
                        {
                            leaks.Add($"{user} {method} {url} → {(int)response.StatusCode}");
                        }
                        if (Leaks(body, target.Person))
                        {
                            leaks.Add($"{user} {method} {url} → body shows {target.Label}");
                        }
                    }
                }
                foreach (var pattern in listRoutes)
                {
                    foreach (var term in new[] { target.Person.IdNumber, target.Person.Name, target.Person.Phone! })
                    {
                        var url = "/" + pattern.TrimStart('/') + "?q=" + Uri.EscapeDataString(term) + "&area=" + target.Person.AreaCode
                            + "&year=" + TimeProvider.System.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "&pageSize=200";
                        var response = await client.GetAsync(url);
                        attempts++;
                        Count(byKind, pattern.Contains("export", StringComparison.Ordinal) ? "export" : "list/search/statistics");
                        var body = await ReadAsync(response);
                        if (Leaks(body, target.Person))
                        {
                            leaks.Add($"{user} GET {url} → body shows {target.Label}");
                        }
                    }
                }
            }
        }
        output.WriteLine($"FIGURE cross-area: {plan.Length} roles × {objectRoutes.Count} object endpoint-verbs + {listRoutes.Count} list/search/export/statistics endpoints → {attempts} attempts, {leaks.Count} leaks");
        foreach (var (kind, count) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind}: {count}");
        }
        foreach (var leak in leaks.Take(50))
        {
            output.WriteLine("LEAK " + leak);
        }
        Assert.True(attempts >= 500, $"only {attempts} attempts");
        Assert.Empty(leaks);
    }

    /// <summary>Object endpoints (a guid id in the route) with their verbs, and GET endpoints that list, search, export or count.</summary>
    private (List<(string Pattern, string Method)> Objects, List<string> Lists) Routes()
    {
        var objects = new List<(string, string)>();
        var lists = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var path = pattern.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (path.StartsWith("api/auth", StringComparison.Ordinal) || path.StartsWith('_') || path.StartsWith("openapi", StringComparison.Ordinal))
            {
                continue;
            }
            var parameters = endpoint.RoutePattern.Parameters;
            if (parameters.Count > 0)
            {
                // Only id routes; routes with other parameters (year) act on reference data, not on a person.
                if (parameters.All(p => p.ParameterPolicies.Any(pp => pp.Content == "guid")))
                {
                    foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE").Distinct())
                    {
                        // Pages answer GET; a POST to a page is a form post covered by antiforgery.
                        if (!path.StartsWith("api/", StringComparison.Ordinal) && method != "GET")
                        {
                            continue;
                        }
                        objects.Add((pattern, method));
                    }
                }
            }
            else if (path.StartsWith("api/", StringComparison.Ordinal) && methods.Contains("GET") && !path.EndsWith("template.xlsx", StringComparison.Ordinal))
            {
                lists.Add(pattern);
            }
        }
        return (objects.Distinct().ToList(), lists.Distinct().ToList());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }

    /// <summary>Text of the response; xlsx exports are unzipped so the sheet's strings are searched too.</summary>
    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }
            return text.ToString();
        }
        return Encoding.UTF8.GetString(bytes);
    }

    private static bool Leaks(string body, Person p) =>
        body.Contains(p.IdNumber, StringComparison.Ordinal)
        || body.Contains(p.Name, StringComparison.Ordinal)
        || (p.Phone is { Length: > 0 } phone && body.Contains(phone, StringComparison.Ordinal))
        || body.Contains(System.Text.Json.JsonSerializer.Serialize(p.Name).Trim('"'), StringComparison.Ordinal);

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string UniqueName() => "跨区" + string.Concat(Enumerable.Range(0, 3).Select(_ => "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"[Random.Shared.Next(20)]));

    /// <summary>A person of the community with a case and an intake.</summary>
    private async Task<(Target Target, Guid CaseId)> TargetAsync(string label, string community)
    {
        var c = await app.AddCaseAsync(CaseKind.Service, CaseState.AwaitingInstitutionAssessment, area: community);
        var person = await app.WithDbAsync(async db =>
        {
            var p = await db.Persons.SingleAsync(x => x.DistrictCode == KangfuApp.District && x.Id == c.PersonId);
            p.Name = UniqueName();
            await db.SaveChangesAsync();
            return p;
        });
        var ids = new List<Guid> { person.Id, c.Id };
        var intake = await app.WithDbAsync(db => db.Intakes.Where(i => i.DistrictCode == KangfuApp.District && db.Persons.Any(p => p.Id == i.PersonId && p.AreaCode == community))
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync());
        if (intake is { } intakeId)
        {
            ids.Add(intakeId);
        }
        return (new Target(label, person, ids), c.Id);
    }

    /// <summary>A person of another district (same area code shape), invisible to every demo login.</summary>
    private async Task<Target> OtherDistrictTargetAsync()
    {
        var template = await app.AddPersonAsync(KangfuApp.CommunityA);
        var person = await app.WithDbAsync(async db =>
        {
            var id = TestIds.NewResidentId(template.BirthDate);
            var p = new Person
            {
                DistrictCode = OtherDistrict,
                Id = Guid.CreateVersion7(),
                IdNumber = id,
                Name = UniqueName(),
                NameInitials = template.NameInitials,
                Sex = (id[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female,
                BirthDate = template.BirthDate,
                CertificateNumber = id + "42",
                Category = template.Category,
                Categories = template.Categories,
                Grade = template.Grade,
                AreaCode = "120101001001",
                Phone = "13900" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CreatedAt = template.CreatedAt,
                UpdatedAt = template.UpdatedAt,
            };
            db.Persons.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        return new Target("其他区县", person, [person.Id]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CrossAreaTestsSqlite(SqliteApp app, ITestOutputHelper output) : CrossAreaTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class CrossAreaTestsPostgres(PostgresApp app, ITestOutputHelper output) : CrossAreaTests(app, output);
