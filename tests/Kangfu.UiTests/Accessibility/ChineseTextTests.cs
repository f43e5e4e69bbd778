using System.Text.RegularExpressions;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Microsoft.Playwright;

namespace Kangfu.UiTests.Accessibility;

/// <summary>
/// What a screen reader announces is Chinese, even for a browser that prefers English: no English leftovers
/// from MudBlazor (First page, Toggle, Open…) in accessible names or text.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class ChineseTextTests(UiFixture ui)
{
    private static readonly HashSet<string> Allowed = ["Excel"];

    [Theory]
    [InlineData("community", "/persons")]
    [InlineData("community", "/persons/{person}")]
    [InlineData("community", "/persons/new")]
    [InlineData("street", "/")]
    [InlineData("admin", "/areas")]
    [InlineData("admin", "/institutions/new")]
    public async Task Accessible_names_and_text_are_Chinese(string user, string path)
    {
        var person = await ui.App.AddPersonAsync(KangfuApp.CommunityA, "中文界面");
        var page = await ui.SignedInPageAsync(user, locale: "en-US");
        await page.GotoInteractiveAsync(path.Replace("{person}", person.Id.ToString(), StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var snapshot = await page.Locator("body").AriaSnapshotAsync();

        var announced = string.Join('\n', snapshot.Split('\n').Where(line => !line.Contains("/url:", StringComparison.Ordinal)));
        var english = Announced().Matches(announced).Select(m => m.Groups["name"].Value + m.Groups["text"].Value)
            .SelectMany(s => Word().Matches(s).Select(w => w.Value))
            .Where(w => !Allowed.Contains(w)).Distinct().ToList();
        Assert.True(english.Count == 0, $"English in {path}: {string.Join(", ", english)}\n{snapshot}");
    }

    /// <summary>Quoted accessible names ("…") and text nodes (text: …) of an ARIA snapshot.</summary>
    [GeneratedRegex("""(?:"(?<name>[^"]*)")|(?:text: (?<text>.*))""")]
    private static partial Regex Announced();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Word();
}
