using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kangfu.UiTests.Pages;

/// <summary>The follow-up form at /followups/{id}: date, the national questions, save.</summary>
public sealed class FollowUpFormPage(IPage page)
{
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public async Task DateAsync(DateOnly day) =>
        await page.Locator("#followup-DoneOn").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Picks an option of question n (radio or check box) by its exact wording.</summary>
    public async Task AnswerAsync(string question, string option)
    {
        var group = page.Locator($"#followup-q{question}");
        await group.GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(group.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true })
            .Or(group.GetByRole(AriaRole.Checkbox, new() { Name = option, Exact = true }))).ToBeCheckedAsync();
    }

    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "保存回访" }).ClickAsync();
        await Expect(page.Locator("[data-testid=followup-summary]")).ToBeVisibleAsync();
    }
}
