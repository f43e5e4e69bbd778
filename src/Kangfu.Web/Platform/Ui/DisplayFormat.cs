using System.Globalization;

namespace Kangfu.Web.Platform.Ui;

/// <summary>How dates and times are shown across the UI.</summary>
public static class DisplayFormat
{
    /// <summary>Date in the form used on official papers: 2026年11月23日; "—" when missing.</summary>
    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "—";

    /// <summary>A stored UTC timestamp in Beijing time: 2026-11-23 14:05.</summary>
    public static string Timestamp(DateTime utc) =>
        ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
