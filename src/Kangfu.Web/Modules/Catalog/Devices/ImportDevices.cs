using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Catalog.Devices;

/// <summary>Counts of one device-catalog import, for the CLI and the tests.</summary>
public sealed record DeviceImportReport(int Products, int MasterProducts, int FunctionSheets, int DuplicateCodes, int MissingCodes, int Added, int Updated);

/// <summary>
/// Imports the assistive-device catalog (embedded 2017 .xls, or a given file) into a district's device products.
/// Duplicate 9-digit codes (5 in the 2017 file) keep the first product on its code; each later one gets the next
/// free sequence number of its division, so all 1,360 products survive and the result is the same on every run.
/// Re-importing updates names, classes and tags in place.
/// </summary>
public sealed class ImportDevices(KangfuDbFactory dbFactory)
{
    public const string SourceVersion = "2017-10-10";
    private const string ResourceName = "Kangfu.Web.Modules.Catalog.Data.assistive-device-catalog-2017.xls";

    public async Task<DeviceImportReport> HandleAsync(string districtCode, string? path = null, CancellationToken ct = default)
    {
        DeviceWorkbook book;
        await using (var stream = path is null ? OpenEmbedded() : File.OpenRead(path))
        {
            book = DeviceCatalogReader.Read(stream);
        }
        var (rows, duplicates) = ResolveDuplicates(book.Rows);
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.DeviceProducts.Where(p => p.DistrictCode == districtCode).ToDictionaryAsync(p => p.Code, ct);
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Code, out var product))
            {
                product = new DeviceProduct { DistrictCode = districtCode, Code = row.Code };
                db.DeviceProducts.Add(product);
                added++;
            }
            else
            {
                updated++;
            }
            product.Name = row.Name;
            product.ClassName = book.ClassNames.GetValueOrDefault(row.Code.Substring(1, 2), row.Code.Substring(1, 2));
            product.SubClassName = row.SubClass;
            product.DivisionName = row.Division;
            product.FunctionTags = row.Tag;
            product.SourceVersion = SourceVersion;
        }
        await db.SaveChangesAsync(ct);
        return new DeviceImportReport(rows.Count, book.MasterProducts, book.FunctionSheets, duplicates, book.MissingCodes, added, updated);
    }

    public static (List<DeviceRow> Rows, int Duplicates) ResolveDuplicates(IReadOnlyList<DeviceRow> rows)
    {
        var used = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DeviceRow>(rows.Count);
        var duplicates = 0;
        foreach (var row in rows)
        {
            if (seen.Add(row.Code))
            {
                result.Add(row);
                continue;
            }
            duplicates++;
            var division = row.Code[..7];
            var code = Enumerable.Range(1, 99).Select(n => division + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                .First(c => !used.Contains(c));
            used.Add(code);
            seen.Add(code);
            result.Add(row with { Code = code });
        }
        return (result, duplicates);
    }

    private static Stream OpenEmbedded() => typeof(ImportDevices).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException("Embedded device catalog missing: " + ResourceName);
}
