using System.Globalization;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.IntegrationTests.Infrastructure;

/// <summary>Valid, unique test identifiers (check digit computed per GB 11643).</summary>
public static class TestIds
{
    private static int sequence = Random.Shared.Next(0, 400);
    private const string GivenChars = "明华强丽静军芳伟秀英敏杰娟涛超霞平刚";

    public static string NewResidentId(DateOnly birth, string addressCode = "120116")
    {
        var seq = Interlocked.Increment(ref sequence) % 1000;
        var body = addressCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
        return body + ResidentId.ComputeCheckCharacter(body);
    }

    public static string RandomGivenName() =>
        string.Concat(GivenChars[Random.Shared.Next(GivenChars.Length)], GivenChars[Random.Shared.Next(GivenChars.Length)]);
}
