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
