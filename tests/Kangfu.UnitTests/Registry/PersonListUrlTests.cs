using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.PersonList;

namespace Kangfu.UnitTests.Registry;

public sealed class PersonListUrlTests
{
    [Fact]
    public void Round_trips_every_filter()
    {
        var filter = new PersonFilter
        {
            Query = "张三",
            AreaCode = "120116001016",
            Category = DisabilityCategory.Multiple,
            Grade = 2,
            AgeMin = 0,
            AgeMax = 6,
            Status = PersonStatus.MovedOut,
            TargetType = TargetType.Child0To6,
            Sort = "updated",
            Descending = true,
            Page = 3,
            PageSize = 50,
        };

        var parsed = PersonListUrl.Parse("http://x/persons?" + PersonListUrl.ToQuery(filter));

        Assert.Equal(filter, parsed);
    }

    [Fact]
    public void Defaults_make_an_empty_query_string()
    {
        Assert.Equal("", PersonListUrl.ToQuery(new PersonFilter()));
    }

    [Theory]
    [InlineData("120116198503121235")]
    [InlineData("12011619850312123542")]
    [InlineData("120116")]
    public void Identifiers_stay_out_of_the_address_bar(string query)
    {
        Assert.DoesNotContain("q=", PersonListUrl.ToQuery(new PersonFilter { Query = query }, withIdentifiers: false), StringComparison.Ordinal);
        Assert.Contains("q=", PersonListUrl.ToQuery(new PersonFilter { Query = query }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=-4&pageSize=7&sort=drop&category=99&grade=9&area=12abc", 1, 20, "name")]
    [InlineData("page=2&pageSize=100&sort=age", 2, 100, "age")]
    public void Nonsense_in_the_url_falls_back_to_defaults(string query, int page, int pageSize, string sort)
    {
        var filter = PersonListUrl.Parse("http://x/persons?" + query);

        Assert.Equal((page, pageSize, sort), (filter.Page, filter.PageSize, filter.Sort));
        Assert.Null(filter.Category);
        Assert.Null(filter.Grade);
        Assert.Null(filter.AreaCode);
    }
}
