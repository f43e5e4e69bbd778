using System.Globalization;
using System.Text;
using Kangfu.Web.Modules.Registry.DemoData;
using Kangfu.Web.Modules.Registry.Import;
using MiniExcelLibs;
using Npgsql;

namespace Kangfu.Bench;

/// <summary>A person of the generated file the search benchmark looks up (its ID number, name and pinyin initials).</summary>
internal sealed record SamplePerson(string IdNumber, string Name, string NameInitials, string AreaCode);

/// <summary>
/// The benchmark input: demo persons (<c>DemoPersonGenerator</c>: valid ID numbers, certificates, guardians) written as an
/// unmasked registry file with the import column map: UTF-8 .csv streamed row by row, and optionally .xlsx.
/// </summary>
internal sealed record BenchData(string? XlsxPath, string CsvPath, int Rows, int Columns, IReadOnlyList<SamplePerson> Samples)
{
    public static BenchData Create(string folder, IReadOnlyList<string> communities, IReadOnlyDictionary<string, string> areaNames, int rows, bool xlsx)
    {
        var now = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        IEnumerable<Web.Modules.Registry.Person> Persons() =>
            DemoPersonGenerator.Generate("120116", communities, rows, seed: 20261123, DateOnly.FromDateTime(now), now);
        var context = new ExportContext(Masked: false, areaNames);
        var columns = PersonColumns.Exported(masked: false).ToList();
        var csv = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"persons-{rows}.csv"));
        var samples = new List<SamplePerson>();
        var every = Math.Max(1, rows / 1_000);
        using (var writer = new StreamWriter(csv, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.WriteLine(string.Join(',', columns.Select(c => c.Header)));
            var index = 0;
            foreach (var person in Persons())
            {
                writer.WriteLine(string.Join(',', columns.Select(c => Quote(c.Write(person, context)))));
                if (index++ % every == 0)
                {
                    samples.Add(new SamplePerson(person.IdNumber, person.Name, person.NameInitials, person.AreaCode));
                }
            }
        }
        string? xlsxPath = null;
        if (xlsx)
        {
            xlsxPath = Path.ChangeExtension(csv, ".xlsx");
            MiniExcel.SaveAs(xlsxPath, Persons().Select(p => columns.ToDictionary(c => c.Header, c => (object?)c.Write(p, context))), overwriteFile: true);
        }
        return new BenchData(xlsxPath, csv, rows, columns.Count, samples);
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

/// <summary>Statements on the PostgreSQL admin connection (create / drop the benchmark databases).</summary>
internal static class PgAdmin
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
