using Kangfu.Web.Platform.Logging;

namespace Kangfu.UnitTests.Platform;

public sealed class LogRedactorTests
{
    [Theory]
    [InlineData("Request GET /api/persons?q=120116198503121235&page=1", "120116198503121235")]
    [InlineData("id 12011620190708018X found", "12011620190708018X")]
    [InlineData("id 12011620190708018x found", "12011620190708018x")]
    [InlineData("cert 12011619850312123542B1", "12011619850312123542")]
    [InlineData("phone 13812345678.", "13812345678")]
    [InlineData("GET /api/persons?q=%E5%BC%A0%E4%B8%89", "%E5%BC%A0")]
    [InlineData("GET /api/persons?name=zs&page=2", "name=zs")]
    public void Removes_identifiers(string text, string secret)
    {
        var redacted = LogRedactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Executed DbCommand (3ms) [Parameters=[], CommandType='Text']")]
    [InlineData("batch 0192f7c2-1234-7abc-9def-0123456789ab committed 20000 rows")]
    [InlineData("elapsed 1234567890 ticks")]
    public void Leaves_ordinary_text_alone(string text) => Assert.Equal(text, LogRedactor.Redact(text));
}
