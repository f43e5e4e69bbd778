using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Modules.Organization.InstitutionList;
using Kangfu.Web.Modules.Organization.SaveInstitution;
using Kangfu.Web.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.IntegrationTests.Organization;

public abstract class SaveInstitutionTests(KangfuApp app)
{
    private static readonly UserContext Admin = new("admin-test", "admin", "区系统管理员", KangfuApp.District, null, null, [Roles.DistrictAdmin], null);
    private static readonly UserContext Reviewer = new("reviewer-test", "reviewer", "区残联审核员", KangfuApp.District, null, null, [Roles.DistrictReviewer], null);

    private static SaveInstitutionInput NewInput(string name) => new()
    {
        Name = name,
        Kinds = InstitutionKind.DeviceService | InstitutionKind.DeviceAssessment,
        Directions = DeviceDirection.Hearing | DeviceDirection.Vision,
        CreditCode = "91350100M000100Y43",
        ContactPhone = "022-12345678",
        QualifiedUntil = new DateOnly(2028, 6, 30),
        ServiceAreaCodes = ["120116001000", KangfuApp.CommunityB],
    };

    [Fact]
    public async Task Created_institution_loads_back_and_lists_its_service_areas()
    {
        var name = "辅具中心" + Guid.NewGuid().ToString("N")[..6];

        var saved = await RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Admin, NewInput(name)));

        var loaded = await RunAsync<LoadInstitutionForEdit, SaveInstitutionInput>(l => l.HandleAsync(Admin, saved.Id));
        Assert.Equal((name, saved.Version, "91350100M000100Y43"), (loaded.Name, loaded.Version!.Value, loaded.CreditCode));
        Assert.Equal(["120116001000", KangfuApp.CommunityB], loaded.ServiceAreaCodes.Order(StringComparer.Ordinal));
        var rows = await RunAsync<InstitutionListQuery, IReadOnlyList<InstitutionRow>>(q => q.HandleAsync(Admin));
        Assert.Equal(["塘沽街道", "新园里社区"], rows.Single(r => r.Id == saved.Id).ServiceAreaNames);
    }

    [Fact]
    public async Task Duplicate_name_and_bad_credit_code_are_field_errors()
    {
        var name = "评估中心" + Guid.NewGuid().ToString("N")[..6];
        await RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Admin, NewInput(name)));

        var duplicate = await Assert.ThrowsAsync<InputInvalidException>(() =>
            RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Admin, NewInput(name))));
        var badCode = NewInput(name + "乙");
        badCode.CreditCode = "91350100M000100Y44";
        var invalid = await Assert.ThrowsAsync<InputInvalidException>(() =>
            RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Admin, badCode)));

        Assert.Equal("本区已有同名机构", duplicate.Errors["Name"]);
        Assert.Equal("统一社会信用代码校验位错误", invalid.Errors["CreditCode"]);
    }

    [Fact]
    public async Task A_stale_version_conflicts_even_when_only_the_service_areas_changed()
    {
        var saved = await RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Admin, NewInput("康复站" + Guid.NewGuid().ToString("N")[..6])));
        var first = await RunAsync<LoadInstitutionForEdit, SaveInstitutionInput>(l => l.HandleAsync(Admin, saved.Id));
        var second = await RunAsync<LoadInstitutionForEdit, SaveInstitutionInput>(l => l.HandleAsync(Admin, saved.Id));

        first.ServiceAreaCodes = ["120116000000"];
        var updated = await RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Admin, first));
        second.ServiceAreaCodes = [KangfuApp.CommunityA];

        Assert.NotEqual(saved.Version, updated.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Admin, second)));
    }

    [Fact]
    public async Task Only_organization_managers_may_save()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            RunAsync<SaveInstitution, SaveInstitutionResult>(s => s.HandleAsync(Reviewer, NewInput("无权机构"))));
    }

    private async Task<TResult> RunAsync<TAction, TResult>(Func<TAction, Task<TResult>> run) where TAction : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TAction>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SaveInstitutionTestsSqlite(SqliteApp app) : SaveInstitutionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SaveInstitutionTestsPostgres(PostgresApp app) : SaveInstitutionTests(app);
