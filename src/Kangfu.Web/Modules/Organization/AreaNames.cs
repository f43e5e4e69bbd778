namespace Kangfu.Web.Modules.Organization;

public static class AreaNames
{
    private static readonly string[] Suffixes = ["居民委员会", "村民委员会", "居委会", "村委会"];

    /// <summary>NBS names end in 居委会/村委会; lists show the short form: 紫云园社区居委会 → 紫云园社区.</summary>
    public static string Brief(string name)
    {
        foreach (var suffix in Suffixes)
        {
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = name[..^suffix.Length];
                return suffix.StartsWith('村') && !stem.EndsWith('村') ? stem + "村" : stem;
            }
        }
        return name;
    }
}
