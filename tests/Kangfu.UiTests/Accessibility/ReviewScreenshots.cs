using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.UiTests.Infrastructure;
using Kangfu.UiTests.Pages;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using SavePerson = Kangfu.Web.Modules.Registry.SavePerson.SavePerson;
using SavePersonInput = Kangfu.Web.Modules.Registry.SavePerson.SavePersonInput;

namespace Kangfu.UiTests.Accessibility;

/// <summary>1366×768 screenshots of the main screens for review, saved to screenshots/ (not a pass/fail check of looks).</summary>
[Collection(UiCollection.Name)]
public sealed class ReviewScreenshots(UiFixture ui)
{
    [Fact]
    public async Task Main_screens_are_captured()
    {
        var person = await ExamplePersonAsync();
        var anonymous = await ui.NewPageAsync();
        await new LoginPage(anonymous).GotoAsync();
        await Screenshots.SaveAsync(anonymous, "01-login");

        var page = await ui.SignedInPageAsync("street");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(page, "02-home");
        var list = new PersonListPage(page);
        await list.GotoAsync();
        await Screenshots.SaveAsync(page, "03-person-list");
        await new PersonPage(page).GotoAsync(person.Id);
        await Expect(page.Locator("h1")).ToContainTextAsync("王建华");
        await Screenshots.SaveAsync(page, "04-person");
        await new PersonEditPage(page).GotoEditAsync(person.Id);
        await Expect(page.Locator("#person-IdNumber")).ToHaveValueAsync(person.IdNumber);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(page, "05-person-edit");
    }

    /// <summary>A complete record (certificate, guardian, address) with a few timeline entries, saved the way the form saves.</summary>
    private async Task<Person> ExamplePersonAsync()
    {
        var user = new UserContext("screenshot", "street", "塘沽街道协调员", KangfuApp.District, "120116001", null, [Roles.StreetCoordinator], null);
        var id = TestIds.NewResidentId(new DateOnly(1956, 8, 17));
        var input = new SavePersonInput
        {
            Name = "王建华",
            IdNumber = id,
            TargetType = TargetType.Certified,
            CertificateNumber = id + "72",
            Category = DisabilityCategory.Multiple,
            Components = CategorySet.Visual | CategorySet.Physical,
            Grade = 2,
            CertificateIssueDate = new DateOnly(2017, 2, 9),
            AreaCode = KangfuApp.CommunityA,
            Address = "紫云园小区8号楼3门201室",
            Phone = "13820261123",
            GuardianName = "刘桂兰",
            GuardianRelation = GuardianRelation.Spouse,
            GuardianPhone = "13920261123",
        };
        await using var scope = ui.App.Services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SavePerson>();
        var created = await save.HandleAsync(user, input);
        input.Id = created.Id;
        input.Version = created.Version;
        input.Address = "紫云园小区8号楼3门202室";
        await save.HandleAsync(user, input);
        return await ui.App.WithDbAsync(db => db.Persons.SingleAsync(p => p.Id == created.Id));
    }
}
