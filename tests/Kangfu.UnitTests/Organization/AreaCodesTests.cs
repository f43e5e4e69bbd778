using Kangfu.Web.Modules.Organization;

namespace Kangfu.UnitTests.Organization;

public sealed class AreaCodesTests
{
    [Theory]
    [InlineData("120000000000", 1, "12")]
    [InlineData("120100000000", 2, "1201")]
    [InlineData("120116000000", 3, "120116")]
    [InlineData("120116001000", 4, "120116001")]
    [InlineData("120116001001", 5, "120116001001")]
    [InlineData("120116406200", 5, "120116406200")]
    public void Level_and_scope_prefix(string code, int level, string prefix)
    {
        Assert.Equal(level, AreaCodes.LevelOf(code));
        Assert.Equal(prefix, AreaCodes.Prefix(code));
    }
}
