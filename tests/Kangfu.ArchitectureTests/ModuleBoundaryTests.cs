using NetArchTest.Rules;

namespace Kangfu.ArchitectureTests;

/// <summary>Module boundaries of the modular monolith (Fitnet's boundary tests).</summary>
public sealed class ModuleBoundaryTests
{
    private static Types WebTypes() => Types.InAssembly(typeof(Program).Assembly);

    /// <summary>Pages may compose data of several modules; the organisation's own rules and data may not.</summary>
    [Fact]
    public void Organization_does_not_depend_on_the_registry()
    {
        var result = WebTypes().That().ResideInNamespace("Kangfu.Web.Modules.Organization")
            .And().DoNotInherit(typeof(Microsoft.AspNetCore.Components.ComponentBase))
            .ShouldNot().HaveDependencyOn("Kangfu.Web.Modules.Registry").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>The catalog is read by intake and referrals, never the other way round.</summary>
    [Fact]
    public void Catalog_does_not_depend_on_intake_or_referrals()
    {
        var result = WebTypes().That().ResideInNamespace("Kangfu.Web.Modules.Catalog")
            .ShouldNot().HaveDependencyOnAny("Kangfu.Web.Modules.Surveys", "Kangfu.Web.Modules.Referrals").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Audit_depends_on_no_business_module()
    {
        var result = WebTypes().That().ResideInNamespace("Kangfu.Web.Modules.Audit")
            .ShouldNot().HaveDependencyOnAny("Kangfu.Web.Modules.Registry", "Kangfu.Web.Modules.Organization").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Privacy_and_errors_plumbing_depend_on_no_module()
    {
        var result = WebTypes().That().ResideInNamespace("Kangfu.Web.Platform.Privacy").Or().ResideInNamespace("Kangfu.Web.Platform.Errors")
            .ShouldNot().HaveDependencyOn("Kangfu.Web.Modules").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Identifier_rules_are_pure()
    {
        var result = WebTypes().That().HaveName("ResidentId").Or().HaveName("CertificateNumber").Or().HaveName("PinyinInitials")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_generic_repository_exists()
    {
        var result = WebTypes().ShouldNot().HaveNameMatching("Repository").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
