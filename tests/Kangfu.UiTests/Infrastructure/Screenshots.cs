using Microsoft.Playwright;

namespace Kangfu.UiTests.Infrastructure;

/// <summary>Saves review screenshots to &lt;repository&gt;/screenshots (gitignored).</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kangfu.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? Path.GetTempPath();
    }
}
