using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Organization;

/// <summary>A node of the area tree: 1 province, 2 city, 3 district, 4 street/town, 5 community/village (12-digit NBS code).</summary>
public sealed class Area : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int Level { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>Where the code list came from, e.g. "NBS-2023": codes change yearly.</summary>
    public string SourceVersion { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The code prefix that covers this node's subtree: 120116001000 → "120116001".</summary>
    public string ScopePrefix => AreaCodes.Prefix(Code);
}

public static class AreaCodes
{
    /// <summary>Strips the zero padding of a 12-digit code down to its level's significant digits.</summary>
    public static string Prefix(string code) => code.Length != 12 ? code : LevelOf(code) switch
    {
        1 => code[..2],
        2 => code[..4],
        3 => code[..6],
        4 => code[..9],
        _ => code,
    };

    public static int LevelOf(string code) =>
        code[2..].All(c => c == '0') ? 1
        : code[4..].All(c => c == '0') ? 2
        : code[6..].All(c => c == '0') ? 3
        : code[9..].All(c => c == '0') ? 4
        : 5;
}
