using System.Globalization;
using System.Text;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.Web.Modules.Catalog.Seeding;

/// <summary>One line of the embedded seed file Data/service-items.csv: a catalog item without its year.</summary>
public sealed record CatalogSeedRow(
    string Code, string Name, string FormLabel, DisabilityCategory Category, string SubPopulation, PopulationMarker Marker,
    int? AgeMin, int? AgeMax, int FormOrder, ServiceKind Kind, bool IsDeviceNeed, bool RequiresCertificate, int? MaxGrade,
    decimal SubsidyAmount, SubsidyUnit SubsidyUnit, decimal? YearlyCap, int? MaxMonthsPerYear, int? ServiceLifeMonths, string? Notes);

/// <summary>Reads the embedded seed file (plain comma-separated, '#' lines are the provenance comment).</summary>
public static class CatalogSeedFile
{
    private const string ResourceName = "Kangfu.Web.Modules.Catalog.Data.service-items.csv";
    private const int Columns = 19;

    public static IReadOnlyList<CatalogSeedRow> Read()
    {
        using var stream = typeof(CatalogSeedFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Seed file missing: " + ResourceName);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }
        return lines.Skip(1).Select(Parse).ToList();
    }

    private static CatalogSeedRow Parse(string line)
    {
        var f = line.Split(',');
        if (f.Length != Columns)
        {
            throw new FormatException($"Seed line has {f.Length} fields, expected {Columns}: {line}");
        }
        if (!DisabilityCategories.TryParse(f[3], out var category))
        {
            throw new FormatException("Unknown category: " + f[3]);
        }
        return new CatalogSeedRow(
            f[0], f[1], f[2], category, f[4], Enum.Parse<PopulationMarker>(f[5]), Int(f[6]), Int(f[7]),
            int.Parse(f[8], CultureInfo.InvariantCulture), Enum.Parse<ServiceKind>(f[9]), bool.Parse(f[10]), bool.Parse(f[11]),
            Int(f[12]), decimal.Parse(f[13], CultureInfo.InvariantCulture), Enum.Parse<SubsidyUnit>(f[14]), Dec(f[15]),
            Int(f[16]), Int(f[17]), f[18].Length == 0 ? null : f[18]);
    }

    private static int? Int(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);

    private static decimal? Dec(string s) => s.Length == 0 ? null : decimal.Parse(s, CultureInfo.InvariantCulture);
}
