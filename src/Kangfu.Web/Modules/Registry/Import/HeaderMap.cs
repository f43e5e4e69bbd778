using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Platform.Errors;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>Which cell of a row holds which column, found by matching the header row by name (with aliases).</summary>
public sealed class HeaderMap
{
    private const int HeaderSearchRows = 10;
    private readonly Dictionary<ColumnKey, int> indexes;

    private HeaderMap(SheetRow header, Dictionary<ColumnKey, int> indexes, IReadOnlyList<string> unknown)
    {
        Header = header;
        this.indexes = indexes;
        UnknownHeaders = unknown;
    }

    public SheetRow Header { get; }

    public IReadOnlyList<string> UnknownHeaders { get; }

    /// <summary>Importable columns present in the file; absent ones keep their stored value on update.</summary>
    public IReadOnlySet<ColumnKey> Present => indexes.Keys.Where(k => !PersonColumns.Get(k).Informational).ToHashSet();

    public bool Has(ColumnKey key) => indexes.ContainsKey(key);

    /// <summary>The header as written in the file, for error messages (身份证号码 rather than 身份证号).</summary>
    public string HeaderOf(ColumnKey key) => indexes.TryGetValue(key, out var i) ? Header[i].Trim() : PersonColumns.Get(key).Header;

    public string Cell(SheetRow row, ColumnKey key) => indexes.TryGetValue(key, out var i) ? row[i].Trim() : "";

    /// <summary>Finds the header row among the first rows (a title row above it is allowed) and checks the required columns.</summary>
    public static HeaderMap Find(IEnumerator<SheetRow> rows)
    {
        var seen = 0;
        while (seen < HeaderSearchRows && rows.MoveNext())
        {
            if (rows.Current.IsEmpty)
            {
                continue;
            }
            seen++;
            var matched = Match(rows.Current, out var unknown);
            if (matched.ContainsKey(ColumnKey.IdNumber) || (matched.ContainsKey(ColumnKey.Name) && matched.Count >= 2))
            {
                return Check(new HeaderMap(rows.Current, matched, unknown));
            }
        }
        throw new DomainException(seen == 0
            ? "文件中没有任何内容。请使用导入模板填写后上传。"
            : "未找到表头行：文件前10行中没有“姓名”“身份证号”等列名。第一行应为表头，请使用导入模板。");
    }

    private static Dictionary<ColumnKey, int> Match(SheetRow header, out List<string> unknown)
    {
        var matched = new Dictionary<ColumnKey, int>();
        unknown = [];
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = PersonColumns.Normalize(header[i]);
            if (text.Length == 0)
            {
                continue;
            }
            var column = PersonColumns.All.FirstOrDefault(c => c.Header == text || c.Aliases.Contains(text));
            if (column is null)
            {
                unknown.Add(header[i].Trim());
            }
            else if (!matched.TryAdd(column.Key, i))
            {
                throw new DomainException($"表头中“{column.Header}”列出现了两次（第{i + 1}列），请删除重复的列。");
            }
        }
        return matched;
    }

    private static HeaderMap Check(HeaderMap map)
    {
        var missing = PersonColumns.All.Where(c => c.Required && !map.Has(c.Key)).Select(c => "“" + c.Header + "”").ToList();
        if (missing.Count > 0)
        {
            throw new DomainException($"第{map.Header.Number}行表头缺少必填列：{string.Join("、", missing)}。请使用导入模板的列名。");
        }
        if (map.Has(ColumnKey.CertificateNumber) && !(map.Has(ColumnKey.Category) && map.Has(ColumnKey.Grade)))
        {
            throw new DomainException("有“残疾证号”列时必须同时有“残疾类别”和“残疾等级”列。");
        }
        return map;
    }
}
