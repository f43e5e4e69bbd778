using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Access.Users;

namespace Kangfu.UnitTests.Access;

public sealed class UserRulesTests
{
    [Theory]
    [InlineData("zhang.san", null)]
    [InlineData("li_si-2", null)]
    [InlineData("", "用户名：请填写。")]
    [InlineData("ab", "用户名：须为 3 至 32 个字符")]
    [InlineData("9lives", "用户名：须为 3 至 32 个字符")]
    [InlineData("Zhang", "用户名：须为 3 至 32 个字符")]
    [InlineData("张三丰", "用户名：须为 3 至 32 个字符")]
    [InlineData("a@b.cn", "用户名：须为 3 至 32 个字符")]
    [InlineData("system", "系统保留")]
    public void User_names_are_short_lower_case_ascii(string name, string? expected)
    {
        var error = UserRules.UserNameError(name);
        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string[], bool> Combinations() => new()
    {
        { [Roles.DistrictAdmin], true },
        { [Roles.SecurityAdmin], true },
        { [Roles.CommunityStaff, Roles.ContractedDoctor], true },
        { [Roles.DistrictReviewer, Roles.DistrictApprover], true },
        { [Roles.RehabInstitution, Roles.DeviceServiceInstitution], true },
        { [Roles.DistrictAdmin, Roles.SecurityAdmin], false },
        { [Roles.SecurityAdmin, Roles.AuditAdmin], false },
        { [Roles.DistrictAdmin, Roles.AuditAdmin], false },
        { [Roles.AuditAdmin, Roles.DistrictReviewer], false },
        { [Roles.SecurityAdmin, Roles.CommunityStaff], false },
        { [Roles.AssessmentInstitution, Roles.StreetCoordinator], false },
        { [Roles.StreetCoordinator, Roles.CommunityStaff], false },
        { [Roles.DistrictReviewer, Roles.CommunityStaff], false },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Admin_roles_are_exclusive_and_one_account_has_one_kind_of_scope(string[] roles, bool allowed)
    {
        Assert.Equal(allowed, UserRules.CombinationError(roles) is null);
    }

    [Theory]
    [InlineData(Roles.CommunityStaff, null, "管辖区域：请选择一个社区（村）。")]
    [InlineData(Roles.CommunityStaff, "120116001000", "管辖区域：请选择一个社区（村）。")]
    [InlineData(Roles.CommunityStaff, "120116001016", null)]
    [InlineData(Roles.StreetCoordinator, "120116001016", "管辖区域：请选择一个街道（乡镇）。")]
    [InlineData(Roles.StreetCoordinator, "120116001000", null)]
    [InlineData(Roles.DistrictReviewer, "120116001016", null)]
    public void Each_role_needs_its_kind_of_area(string role, string? area, string? expected)
    {
        var input = new UserInput { UserName = "zhang.san", DisplayName = "张三", Roles = [role], AreaCode = area }.Normalized();
        var errors = UserRules.ShapeErrors(input, creating: true);
        Assert.Equal(expected, errors.GetValueOrDefault(nameof(UserInput.AreaCode)));
        if (role == Roles.DistrictReviewer)
        {
            Assert.Null(input.AreaCode);
        }
    }
}
