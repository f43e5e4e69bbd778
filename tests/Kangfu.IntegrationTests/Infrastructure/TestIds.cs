using System.Globalization;
using Kangfu.Web.Modules.Registry;

namespace Kangfu.IntegrationTests.Infrastructure;

/// <summary>Valid, unique test identifiers (check digit computed per GB 11643).</summary>
public static class TestIds
{
    private static int sequence = Random.Shared.Next(0, 400);
    private const string GivenChars = "明华强丽静军芳伟秀英敏杰娟涛超霞平刚";

    /// <summary>
    /// Unique within a test run: the sequence digits cycle through 000–999, and each further cycle moves to the
    /// next address code, so two calls with the same birth date never collide. The default address code 120199 is
    /// one the demo generator never uses (it issues 120116…), so a test person never meets a demo person's number.
    /// </summary>
    public static string NewResidentId(DateOnly birth, string addressCode = "120199")
    {
        var n = Interlocked.Increment(ref sequence);
        var cycle = n / 1000;
        if (cycle > 0)
        {
            var county = (int.Parse(addressCode[4..], CultureInfo.InvariantCulture) + cycle) % 100;
            addressCode = addressCode[..4] + county.ToString("00", CultureInfo.InvariantCulture);
        }
        var body = addressCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("000", CultureInfo.InvariantCulture);
        return body + ResidentId.ComputeCheckCharacter(body);
    }

    public static string RandomGivenName() =>
        string.Concat(GivenChars[Random.Shared.Next(GivenChars.Length)], GivenChars[Random.Shared.Next(GivenChars.Length)]);
}
