using System.Globalization;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Platform;

namespace Kangfu.IntegrationTests.Registry;

/// <summary>The catalogue of bad ID and certificate numbers every entry point must refuse (docs/security.md 输入校验).</summary>
public static class BadIdentifiers
{
    public static IReadOnlyList<string> IdNumbers()
    {
        var v = TestIds.NewResidentId(new DateOnly(1985, 3, 12));
        var today = TimeProvider.System.Today();
        var list = new List<string>
        {
            "", v[..17], v + "0", v[..16], new string('1', 19), new string('1', 16), v + "42", v + "42B1",
            WithCheck("0" + v[1..17]),
            WithCheck(v[..6] + "20230230" + v[14..17]),
            WithCheck(v[..6] + "20231301" + v[14..17]),
            WithCheck(v[..6] + "20230000" + v[14..17]),
            WithCheck(v[..6] + "18491231" + v[14..17]),
            WithCheck(v[..6] + today.AddYears(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + v[14..17]),
            v[..10] + "A" + v[11..], v[..10] + "X" + v[11..], v[..17] + "Y",
            string.Concat(v.Select(c => (char)(c - '0' + '０'))),
            string.Concat(v.Select(c => (char)(c - '0' + '٠'))),
            v[..6] + "-" + v[6..], v[..6] + " " + v[6..], v[..6] + "\t" + v[6..], "\u200B" + v,
            "' OR '1'='1", "1; DROP TABLE registry_persons;--", "=1+1", "+120116198503121235", "-" + v, "@SUM(1)",
            "<script>alert(1)</script>", "12011685031212X", "120116850230123", string.Concat(Enumerable.Repeat("😀", 18)),
            new string('9', 18), new string('0', 18), new string('1', 18), new string('8', 1000),
            "null", "undefined", "NaN", "1.20116198503121E+17", "1201%", "1201_9850312123_", "身份证号码一二三四五六七八九十一二",
        };
        foreach (var offset in new[] { 1, 2, 3, 5, 7 })
        {
            var body = TestIds.NewResidentId(new DateOnly(1960 + offset, offset, offset * 3))[..17];
            var check = ResidentId.ComputeCheckCharacter(body);
            list.Add(body + "10X98765432"[("10X98765432".IndexOf(check, StringComparison.Ordinal) + offset) % 11]);
        }
        return list;
    }

    /// <summary>Certificate numbers wrong in themselves: bad category or grade digit, bad reissue suffix, bad length, bad ID part.</summary>
    public static IReadOnlyList<string> CertificateNumbers()
    {
        var v = TestIds.NewResidentId(new DateOnly(1975, 7, 7));
        var list = new List<string> { v + "02", v + "82", v + "92", v + "45", v + "40", v + "4", v + "421", v + "42B", v + "42B0", v + "42C1", v + "42BB", v + "4２" };
        list.AddRange(IdNumbers().Where(b => b.Length > 0).Select(b => b + "42"));
        return list;
    }

    private static string WithCheck(string body) => body + ResidentId.ComputeCheckCharacter(body);
}
