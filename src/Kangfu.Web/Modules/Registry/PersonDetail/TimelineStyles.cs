using MudBlazor;

namespace Kangfu.Web.Modules.Registry.PersonDetail;

/// <summary>
/// Icon and colour of a timeline entry by its kind. Modules register their kinds here
/// (e.g. "referral.*", "service.*"); unknown kinds get a neutral dot.
/// </summary>
public static class TimelineStyles
{
    private static readonly Dictionary<string, (string Icon, Color Color)> ByKind = new(StringComparer.Ordinal)
    {
        ["registry.created"] = (Icons.Material.Filled.PersonAdd, Color.Success),
        ["registry.updated"] = (Icons.Material.Filled.Edit, Color.Primary),
        ["registry.status"] = (Icons.Material.Filled.SwapHoriz, Color.Warning),
        ["registry.imported"] = (Icons.Material.Filled.UploadFile, Color.Info),
        ["surveys.intake"] = (Icons.Material.Filled.AssignmentInd, Color.Primary),
        ["surveys.withdrawn"] = (Icons.Material.Filled.Undo, Color.Warning),
        ["referrals.routed"] = (Icons.Material.Filled.Send, Color.Info),
    };

    public static (string Icon, Color Color) Of(string kind) =>
        ByKind.TryGetValue(kind, out var style) ? style
        : kind.StartsWith("referrals.", StringComparison.Ordinal) ? (Icons.Material.Filled.AssignmentTurnedIn, Color.Info)
        : (Icons.Material.Filled.Event, Color.Default);
}
