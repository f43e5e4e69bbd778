using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Kangfu.Web.Platform.Ui;

/// <summary>
/// A Material icon (a MudBlazor <c>Icons.*</c> string) as inline SVG, the same markup and classes as <c>MudIcon</c>, but
/// no component: a MudIcon is a component that keeps its own render trees per Blazor Server circuit (about 4 KB each);
/// this is one markup frame of the parent's tree, and the markup string is built once per process and shared by all
/// circuits. For icons next to text (menus, buttons, tables), hidden from screen readers (docs/performance.md).
/// </summary>
internal static class SvgIcon
{
    public const string Small = "mud-icon-root mud-svg-icon mud-icon-size-small";
    public const string Medium = "mud-icon-root mud-svg-icon mud-icon-size-medium";
    public const string Large = "mud-icon-root mud-svg-icon mud-icon-size-large";

    private static readonly ConcurrentDictionary<(string Icon, string Classes, string? Style), MarkupString> Cache = new();

    /// <param name="icon">The SVG content, e.g. <c>Icons.Material.Filled.People</c>.</param>
    /// <param name="classes">All classes of the svg element: <see cref="Medium"/> or a constant that extends it.</param>
    /// <param name="style">A constant inline style (e.g. a colour), or null. Every distinct value is cached for good.</param>
    public static MarkupString Of(string icon, string classes = Medium, string? style = null) =>
        Cache.GetOrAdd((icon, classes, style), key => new MarkupString(
            $"<svg class=\"{key.Classes}\"{(key.Style is null ? "" : $" style=\"{WebUtility.HtmlEncode(key.Style)}\"")} focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Icon}</svg>"));
}
