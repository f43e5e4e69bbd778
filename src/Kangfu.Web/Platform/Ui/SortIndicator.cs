using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kangfu.Web.Platform.Ui;

/// <summary>
/// The state of a sortable column header, shared by the lists: <c>aria-sort</c> for the th, and the icon with its
/// screen-reader hint inside the header's button (static markup, built once per process).
/// </summary>
internal static class SortIndicator
{
    private static readonly MarkupString Unsorted = Marker(Icons.Material.Filled.UnfoldMore, " sort-icon", "，点击排序");
    private static readonly MarkupString Ascending = Marker(Icons.Material.Filled.ArrowUpward, " sort-icon active", "，当前升序，点击改为降序");
    private static readonly MarkupString Descending = Marker(Icons.Material.Filled.ArrowDownward, " sort-icon active", "，当前降序，点击改为升序");

    public static string AriaSort(bool active, bool descending) => !active ? "none" : descending ? "descending" : "ascending";

    public static MarkupString Of(bool active, bool descending) => !active ? Unsorted : descending ? Descending : Ascending;

    private static MarkupString Marker(string icon, string iconClass, string hint) =>
        new(SvgIcon.Of(icon, SvgIcon.Small + iconClass).Value + $"<span class=\"visually-hidden\">{hint}</span>");
}
