using System.Globalization;
using System.Text.Json;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry.Import;
using Kangfu.Web.Modules.Registry.PersonList;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Kangfu.Web.Platform.Excel;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Registry.Export;

public sealed record ExportFile(Stream Content, string FileName, int Rows);

/// <summary>
/// Exports the persons of the current filter inside the user's scope as .xlsx with the import's column map.
/// Identifiers are masked unless the role may export unmasked AND the caller asked; every export is audited.
/// </summary>
public sealed class ExportPersons(KangfuDbFactory dbFactory, AuditLog audit, RegistryOptions options, TimeProvider clock)
{
    public async Task<ExportFile> HandleAsync(UserContext user, PersonFilter filter, bool unmasked, CancellationToken ct = default)
    {
        user.Demand(Permission.PersonExport);
        // The audit log is not encrypted: a searched ID, certificate or phone number is recorded masked.
        var detail = "筛选条件：" + JsonSerializer.Serialize(filter with { Page = 1, PageSize = 0, Query = MaskedQuery(filter.Query) }, AuditJson.Options);
        if (unmasked && !user.Can(Permission.PersonExportUnmasked))
        {
            await audit.WriteAsync(user, AuditActions.Export, nameof(Person), null, "未脱敏导出；" + detail, "拒绝", ct: ct);
            throw new UnauthorizedAccessException("您的角色不能导出未脱敏的身份证号和电话。");
        }
        var today = clock.Today();
        await using var db = dbFactory.CreateDbContext();
        var query = PersonListQuery.Apply(db.VisibleTo(user).AsNoTracking(), filter, today);
        var count = await query.CountAsync(ct);
        if (count > options.ExportMaxRows)
        {
            throw new DomainException($"符合条件的有{count}人，超过单次导出上限{options.ExportMaxRows}人，请缩小筛选范围（如按街道或社区）后分批导出。");
        }
        var persons = await query.OrderBy(p => p.AreaCode).ThenBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        var names = await db.Areas.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var stamp = ExportStamps.For(user, clock);
        var content = await WriteAsync(persons, new ExportContext(!unmasked, names), stamp, ct);
        await audit.WriteAsync(user, AuditActions.Export, nameof(Person), null,
            $"导出{count}人，{(unmasked ? "未脱敏" : "已脱敏")}，水印追踪号{stamp.TraceId}；{detail}", ct: ct);
        var time = clock.Now().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return new ExportFile(content, $"残疾人名册_{time}.xlsx", count);
    }

    private static async Task<Stream> WriteAsync(List<Person> persons, ExportContext context, ExportStamp stamp, CancellationToken ct)
    {
        var columns = PersonColumns.Exported(context.Masked).ToList();
        var stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        object rows = persons.Count > 0
            ? persons.Select(p => columns.ToDictionary(c => c.Header, c => (object?)FormulaGuard.Neutralise(c.Write(p, context))))
            : EmptyTable(columns);
        await WatermarkedWorkbook.SaveAsync(stream, "残疾人名册", rows, stamp, ct);
        stream.Position = 0;
        return stream;
    }

    private static string? MaskedQuery(string? query) => query?.Trim() switch
    {
        { Length: >= 15 } q when q.Count(char.IsAsciiDigit) >= 15 => Platform.Privacy.Mask.IdNumber(q),
        { Length: >= 7 } q when q.All(c => char.IsAsciiDigit(c) || c is '-' or ' ') => Platform.Privacy.Mask.Phone(q),
        var q => q,
    };

    private static System.Data.DataTable EmptyTable(IEnumerable<PersonColumn> columns)
    {
        var table = new System.Data.DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column.Header, typeof(string));
        }
        return table;
    }
}
