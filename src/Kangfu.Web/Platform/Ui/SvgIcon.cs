using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Kangfu.Web.Platform.Ui;

/// <summary>
/// A Material icon (a MudBlazor <c>Icons.*</c> string) as inline SVG, the same markup and classes as <c>MudIcon</c>, but
/// no component: a MudIcon is a component that keeps two render trees per Blazor Server circuit (about 4 KB each icon);
/// this is a few frames of the parent's tree. For static icons in lists, menus and buttons (docs/performance.md).
/// </summary>
public static class SvgIcon
{
    public const string Small = "mud-icon-root mud-svg-icon mud-icon-size-small";
    public const string Medium = "mud-icon-root mud-svg-icon mud-icon-size-medium";
    public const string Large = "mud-icon-root mud-svg-icon mud-icon-size-large";

    /// <summary>The icon, hidden from screen readers (the text next to it says what it means).</summary>
    /// <param name="icon">The SVG content, e.g. <c>Icons.Material.Filled.People</c>.</param>
    /// <param name="classes">All classes of the svg element: <see cref="Medium"/> or a constant that extends it.</param>
    /// <param name="style">An inline style (e.g. a colour), or null.</param>
    public static RenderFragment Of(string icon, string classes = Medium, string? style = null) => builder => Render(builder, icon, classes, style);

    private static void Render(RenderTreeBuilder builder, string icon, string classes, string? style)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes);
        builder.AddAttribute(2, "style", style);
        builder.AddAttribute(3, "focusable", "false");
        builder.AddAttribute(4, "viewBox", "0 0 24 24");
        builder.AddAttribute(5, "aria-hidden", "true");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    }
}
