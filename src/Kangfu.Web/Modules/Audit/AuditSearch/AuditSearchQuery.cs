using System.Globalization;
using System.Text;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Audit.AuditSearch;

/// <summary>Filters of the audit search (all optional; times in UTC).</summary>
public sealed record AuditSearchRequest(DateTime? From = null, DateTime? To = null, string? User = null, string? Action = null,
    string? EntityType = null, string? Area = null, string? Result = null, int? Page = null, int? PageSize = null);

/// <summary>One page of audit rows.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total, int Page, int PageSize);

public sealed record AuditRow(long Sequence, DateTime At, string? UserName, string? Roles, string? AreaCode, string? Ip,
    string Action, string EntityType, string? EntityId, string Result, string? Detail);

/// <summary>The audit admin's search over the district's audit log (and anonymous failed logins). Only the audit admin may read it.</summary>
public sealed class AuditSearchQuery(KangfuDbFactory dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> HandleAsync(UserContext user, AuditSearchRequest request, CancellationToken ct = default)
    {
        user.Demand(Permission.AuditRead);
        await using var db = dbFactory.CreateDbContext();
        var query = Filter(db, user, request);
        var page = Math.Max(1, request.Page ?? 1);
        var size = Math.Clamp(request.PageSize ?? 50, 1, MaxPageSize);
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderByDescending(a => a.At).ThenByDescending(a => a.Sequence).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new AuditPage(items, total, page, size);
    }

    internal static IQueryable<AuditEntry> Filter(KangfuDbContext db, UserContext user, AuditSearchRequest r)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.DistrictCode == user.DistrictCode || a.DistrictCode == "");
        if (r.From is { } from)
        {
            var f = DateTime.SpecifyKind(from, DateTimeKind.Utc);
            query = query.Where(a => a.At >= f);
        }
        if (r.To is { } to)
        {
            var t = DateTime.SpecifyKind(to, DateTimeKind.Utc);
            query = query.Where(a => a.At < t);
        }
        if (!string.IsNullOrWhiteSpace(r.User))
        {
            query = query.Where(a => a.UserName == r.User.Trim());
        }
        if (!string.IsNullOrWhiteSpace(r.Action))
        {
            query = query.Where(a => a.Action == r.Action.Trim());
        }
        if (!string.IsNullOrWhiteSpace(r.EntityType))
        {
            query = query.Where(a => a.EntityType == r.EntityType.Trim());
        }
        if (!string.IsNullOrWhiteSpace(r.Area))
        {
            var area = AreaPrefix(r.Area.Trim());
            query = query.Where(a => a.AreaCode != null && a.AreaCode.StartsWith(area));
        }
        if (!string.IsNullOrWhiteSpace(r.Result))
        {
            query = query.Where(a => a.Result == r.Result.Trim());
        }
        return query;
    }

    /// <summary>"120116001000" → "120116001": a street's code finds its communities too.</summary>
    private static string AreaPrefix(string code)
    {
        while (code.Length > 6 && code.EndsWith("000", StringComparison.Ordinal))
        {
            code = code[..^3];
        }
        return code;
    }

    internal static IQueryable<AuditRow> Project(IQueryable<AuditEntry> query) => query.Select(a =>
        new AuditRow(a.Sequence, a.At, a.UserName, a.Roles, a.AreaCode, a.Ip, a.Action, a.EntityType, a.EntityId, a.Result, a.Changes));
}

/// <summary>Exports a search result as CSV (at most 10,000 rows); the export is itself an audited sensitive read.</summary>
public sealed class ExportAuditSearch(KangfuDbFactory dbFactory, AuditLog audit)
{
    public const int MaxRows = 10_000;

    public async Task<byte[]> HandleAsync(UserContext user, AuditSearchRequest request, CancellationToken ct = default)
    {
        user.Demand(Permission.AuditRead);
        await using var db = dbFactory.CreateDbContext();
        var rows = await AuditSearchQuery.Project(AuditSearchQuery.Filter(db, user, request)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Sequence).Take(MaxRows)).ToListAsync(ct);
        var csv = new StringBuilder("序号,时间(UTC),用户,角色,区域,IP,操作,对象类型,对象,结果,详情\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', [r.Sequence.ToString(CultureInfo.InvariantCulture), r.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Cell(r.UserName), Cell(r.Roles), Cell(r.AreaCode), Cell(r.Ip), Cell(r.Action), Cell(r.EntityType), Cell(r.EntityId), Cell(r.Result), Cell(r.Detail)]);
            csv.Append("\r\n");
        }
        await audit.WriteAsync(user, AuditActions.Export, nameof(AuditEntry), null,
            $"审计日志导出 {rows.Count} 行；条件：{System.Text.Json.JsonSerializer.Serialize(request, AuditJson.Options)}", districtCode: user.DistrictCode, ct: ct);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Quoted, and a leading =+-@ neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@".Contains(v[0], StringComparison.Ordinal))
        {
            v = "'" + v;
        }
        return "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
