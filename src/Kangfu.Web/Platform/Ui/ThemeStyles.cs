using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Kangfu.Web.Platform.Ui;

/// <summary>
/// The theme's CSS (what <c>MudThemeProvider</c> renders: the <c>--mud-*</c> variables and the scrollbar style), rendered
/// once per process and shared by every circuit. A MudThemeProvider in the layout builds the same ~12,000-character
/// style text again for each circuit (24 KB per circuit) and keeps it for the circuit's life (docs/performance.md).
/// </summary>
internal sealed class ThemeStyles(IServiceProvider services, ILoggerFactory loggers)
{
    private readonly Lazy<Task<MarkupString>> markup = new(() => RenderAsync(services, loggers));

    public Task<MarkupString> GetAsync() => markup.Value;

    private static async Task<MarkupString> RenderAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = KangfuTheme.Theme });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        return new MarkupString(html);
    }
}
