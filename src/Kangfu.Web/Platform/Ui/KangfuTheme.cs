using MudBlazor;

namespace Kangfu.Web.Platform.Ui;

public static class KangfuTheme
{
    /// <summary>Colours chosen for WCAG AA contrast on white; CJK fonts first so Chinese renders well.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565C0",
            Secondary = "#00796B",
            // Darker than MudBlazor's defaults so white chip text and coloured text pass WCAG AA (4.5:1).
            Success = "#2E7D32",
            Info = "#01579B",
            Warning = "#A15C00",
            Error = "#C62828",
            Dark = "#424242",
            AppbarBackground = "#0D47A1",
            Background = "#F5F7FA",
            DrawerBackground = "#FFFFFF",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif"],
            },
        },
    };
}
