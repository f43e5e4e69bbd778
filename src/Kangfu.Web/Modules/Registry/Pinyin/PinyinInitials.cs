using System.Text;

namespace Kangfu.Web.Modules.Registry.Pinyin;

/// <summary>
/// Pinyin initials of Chinese names for search: 张三 → "zs"; polyphonic characters give every variant
/// (曾 → "c" or "z"), joined by '|'. The table is generated from pinyin-pro by tools/data/extract-pinyin.mjs.
/// </summary>
public static class PinyinInitials
{
    private const int MaxVariants = 16;
    private static readonly Lazy<Dictionary<char, string>> Table = new(Load);

    public static string Of(string name)
    {
        var variants = new List<StringBuilder> { new() };
        foreach (var ch in name)
        {
            var initials = InitialsOf(ch);
            if (initials.Length == 0)
            {
                continue;
            }
            var next = new List<StringBuilder>();
            foreach (var prefix in variants)
            {
                foreach (var initial in initials)
                {
                    if (next.Count < MaxVariants)
                    {
                        next.Add(new StringBuilder(prefix.ToString()).Append(initial));
                    }
                }
            }
            variants = next;
        }
        return string.Join('|', variants.Select(v => v.ToString()).Distinct());
    }

    /// <summary>True when the query looks like pinyin initials rather than a name fragment.</summary>
    public static bool IsInitialsQuery(string query) => query.Length is > 0 and <= 8 && query.All(char.IsAsciiLetter);

    private static string InitialsOf(char ch)
    {
        if (char.IsAsciiLetter(ch))
        {
            return char.ToLowerInvariant(ch).ToString();
        }
        return Table.Value.TryGetValue(ch, out var initials) ? initials : string.Empty;
    }

    private static Dictionary<char, string> Load()
    {
        using var stream = typeof(PinyinInitials).Assembly.GetManifestResourceStream(
            "Kangfu.Web.Modules.Registry.Pinyin.pinyin-initials.txt")
            ?? throw new InvalidOperationException("pinyin-initials.txt is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, string>(21000);
        while (reader.ReadLine() is { Length: > 1 } line)
        {
            table[line[0]] = line[1..];
        }
        return table;
    }
}
