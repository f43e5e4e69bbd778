namespace Kangfu.Web.Modules.Organization;

/// <summary>Chinese names of the device directions (辅具方向) of the national system.</summary>
public static class DeviceDirections
{
    public static readonly IReadOnlyDictionary<DeviceDirection, string> Names = new Dictionary<DeviceDirection, string>
    {
        [DeviceDirection.Limb] = "肢体类辅具",
        [DeviceDirection.Hearing] = "听力类辅具",
        [DeviceDirection.Vision] = "视力类辅具",
        [DeviceDirection.Prosthesis] = "假肢矫形器",
        [DeviceDirection.Accessibility] = "无障碍改造",
    };

    public static string Describe(DeviceDirection directions) =>
        directions == DeviceDirection.None ? "—" : string.Join("、", Names.Where(n => directions.HasFlag(n.Key)).Select(n => n.Value));
}
