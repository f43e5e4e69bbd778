using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Kangfu.Web.Platform.Ui;

/// <summary>One choice of a <see cref="NativeSelect"/>: the value sent back and the text shown.</summary>
internal sealed record SelectOption(string Value, string Text);

/// <summary>
/// The choices of a <see cref="NativeSelect"/> as <c>&lt;option&gt;</c> markup, one string per chosen value. With
/// <paramref name="shared"/> (a static list: categories, grades, sort keys) every variant is kept and serves all circuits;
/// otherwise (a user's areas) only the last one is kept.
/// </summary>
internal sealed class SelectOptions(IEnumerable<SelectOption> items, bool shared = false)
{
    private readonly SelectOption[] items = items.ToArray();
    private readonly ConcurrentDictionary<string, MarkupString>? variants = shared ? new() : null;
    private (string Value, MarkupString Markup)? last;

    public int Count => items.Length;

    public MarkupString For(string value)
    {
        if (variants is not null)
        {
            return variants.GetOrAdd(value, Build);
        }
        if (last is not { } memo || memo.Value != value)
        {
            last = memo = (value, Build(value));
        }
        return memo.Markup;
    }

    private MarkupString Build(string value)
    {
        var html = new StringBuilder();
        foreach (var item in items)
        {
            // "selected" also for the prerendered page: before the circuit connects, the select's value is not set yet.
            html.Append("<option value=\"").Append(WebUtility.HtmlEncode(item.Value)).Append(item.Value == value ? "\" selected>" : "\">")
                .Append(WebUtility.HtmlEncode(item.Text)).Append("</option>");
        }
        return new MarkupString(html.ToString());
    }
}

/// <summary>
/// A native <c>&lt;select&gt;</c> in MudBlazor's outlined input markup (dense, label always shrunk): it looks like
/// <c>MudSelect Variant.Outlined Margin.Dense</c>, opens the platform's own list (keyboard and screen readers included;
/// the label is a real <c>&lt;label for&gt;</c>), and is ~20 frames of its parent's render tree. A MudSelect with its
/// items is ~20 components that each keep render trees for the circuit's life (docs/performance.md, memory per circuit).
/// </summary>
internal static class NativeSelect
{
    private const string Control = "mud-input-control mud-input-control-margin-dense mud-input-outlined-with-label mud-select";
    private const string Input = "mud-input mud-input-outlined mud-input-outlined-with-label mud-input-adorned-end mud-input-margin-dense mud-shrink mud-typography-subtitle1 mud-select-input";
    private const string Label = "mud-input-label mud-input-label-animated mud-input-label-outlined mud-input-label-margin-dense mud-input-label-inputcontrol";
    private const string Helper = "mud-input-helper-text mud-input-helper-text-margin-dense";

    /// <summary>The arrow and the outlined border with the gap for the label: static markup, one string per label.</summary>
    private static readonly ConcurrentDictionary<string, MarkupString> Decorations = new();

    /// <param name="receiver">The component that handles the change (it re-renders afterwards).</param>
    /// <param name="id">The select's id (the label points to it).</param>
    /// <param name="label">The visible label, also the accessible name.</param>
    /// <param name="value">The chosen option's value ("" for none).</param>
    /// <param name="options">The choices, in order.</param>
    /// <param name="changed">Called with the chosen option's value.</param>
    /// <param name="classes">Extra classes of the control (width, margins), or null.</param>
    /// <param name="disabled">Greyed out and not focusable.</param>
    /// <param name="helper">A hint under the control, or null.</param>
    public static RenderFragment Outlined(IHandleEvent receiver, string id, string label, string value, SelectOptions options,
        Func<string, Task> changed, string? classes = null, bool disabled = false, string? helper = null) => builder =>
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "class", classes is null ? Control : Control + " " + classes);
            builder.OpenElement(2, "div");
            builder.AddAttribute(3, "class", "mud-input-control-input-container");
            builder.OpenElement(4, "div");
            builder.AddAttribute(5, "class", disabled ? Input + " mud-disabled" : Input);
            Select(builder, EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => changed(e.Value as string ?? "")), id, value, options, disabled);
            builder.AddContent(6, Decorations.GetOrAdd(label, Decoration));
            builder.CloseElement();
            builder.OpenElement(7, "label");
            builder.AddAttribute(8, "class", disabled ? Label + " mud-disabled" : Label);
            builder.AddAttribute(9, "for", id);
            builder.AddContent(10, label);
            builder.CloseElement();
            builder.CloseElement();
            if (helper is not null)
            {
                builder.OpenElement(11, "p");
                builder.AddAttribute(12, "class", disabled ? Helper + " mud-disabled" : Helper);
                builder.AddContent(13, helper);
                builder.CloseElement();
            }
            builder.CloseElement();
        };

    private static void Select(RenderTreeBuilder builder, EventCallback<ChangeEventArgs> onChange, string id, string value, SelectOptions options, bool disabled)
    {
        builder.OpenElement(0, "select");
        builder.AddAttribute(1, "id", id);
        builder.AddAttribute(2, "class", "mud-input-slot mud-input-root native-select");
        builder.AddAttribute(3, "disabled", disabled);
        builder.AddAttribute(4, "value", value);
        builder.AddAttribute(5, "onchange", onChange);
        builder.AddContent(6, options.For(value));
        builder.CloseElement();
    }

    private static MarkupString Decoration(string label) => new(
        $"<div class=\"mud-input-adornment mud-input-adornment-end\">{SvgIcon.Of(Icons.Material.Filled.ArrowDropDown, SvgIcon.Medium + " mud-icon-default mud-input-adornment-icon")}</div>"
        + $"<fieldset class=\"mud-input-outlined-border\"><legend>{WebUtility.HtmlEncode(label)}</legend></fieldset>");
}
