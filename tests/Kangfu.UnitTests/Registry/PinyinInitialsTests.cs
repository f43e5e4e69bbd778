using Kangfu.Web.Modules.Registry.Pinyin;

namespace Kangfu.UnitTests.Registry;

public sealed class PinyinInitialsTests
{
    [Theory]
    [InlineData("张三", "zs")]
    [InlineData("李小明", "lxm")]
    [InlineData("欧阳娜娜", "oynn")]
    [InlineData("王·买买提", "wmmt")]
    public void Initials_of_common_names(string name, string expected) =>
        Assert.Contains(expected, PinyinInitials.Of(name).Split('|'));

    [Fact]
    public void Polyphonic_surnames_give_every_reading()
    {
        var variants = PinyinInitials.Of("曾强").Split('|');
        Assert.Contains("zq", variants);
        Assert.Contains("cq", variants);
    }

    [Theory]
    [InlineData("zs", true)]
    [InlineData("ZS", true)]
    [InlineData("张", false)]
    [InlineData("1201", false)]
    public void Recognises_initials_queries(string query, bool expected) =>
        Assert.Equal(expected, PinyinInitials.IsInitialsQuery(query));
}
