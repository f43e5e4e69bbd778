using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Catalog;

/// <summary>A product of the assistive-device classification catalog (imported from the 2017 .xls).</summary>
public sealed class DeviceProduct : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ClassName { get; set; } = "";
    public string? SubClassName { get; set; }
    public string? DivisionName { get; set; }
    /// <summary>Function tags A–R of the fitting question "最希望解决", comma-separated.</summary>
    public string FunctionTags { get; set; } = "";
    public string SourceVersion { get; set; } = "";
}
