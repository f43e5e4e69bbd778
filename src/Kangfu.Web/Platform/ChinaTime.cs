namespace Kangfu.Web.Platform;

/// <summary>Beijing time (UTC+8, no daylight saving) of stored UTC instants: what the users' calendar says.</summary>
public static class ChinaTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The Beijing calendar date of a UTC instant (an assessment's date, an age on that day).</summary>
    public static DateOnly Date(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>Today in Beijing: the one business date (ages, due dates, validity, years) whatever the server's zone.</summary>
    public static DateOnly Today(this TimeProvider clock) => Date(clock.GetUtcNow().UtcDateTime);

    /// <summary>The current Beijing wall-clock time (file names, printed stamps).</summary>
    public static DateTime Now(this TimeProvider clock) => FromUtc(clock.GetUtcNow().UtcDateTime);

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
