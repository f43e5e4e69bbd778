namespace Kangfu.Web.Platform;

/// <summary>Beijing time (UTC+8, no daylight saving) of stored UTC instants: what the users' calendar says.</summary>
public static class ChinaTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The Beijing calendar date of a UTC instant (an assessment's date, an age on that day).</summary>
    public static DateOnly Date(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
        }
    }
}
