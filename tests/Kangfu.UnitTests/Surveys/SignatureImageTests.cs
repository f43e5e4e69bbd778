using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Surveys.FillIntake;

namespace Kangfu.UnitTests.Surveys;

public sealed class SignatureImageTests
{
    [Fact]
    public void A_drawn_png_is_fine() => Assert.Null(SignatureImage.Problem(TestPng.Create()));

    [Fact]
    public void A_blank_png_is_refused() => Assert.Equal("签名为空白，请签字", SignatureImage.Problem(TestPng.Create(ink: false)));

    [Fact]
    public void Other_bytes_are_not_a_png() => Assert.Equal("签名须为 PNG 图片", SignatureImage.Problem("not a png at all"u8.ToArray()));

    [Fact]
    public void A_truncated_png_is_not_a_png() => Assert.Equal("签名须为 PNG 图片", SignatureImage.Problem(TestPng.Create()[..40]));

    [Fact]
    public void More_than_200_kb_is_refused() => Assert.Equal("签名图片不能超过 200 KB", SignatureImage.Problem([.. TestPng.Create(), .. new byte[200 * 1024]]));
}
