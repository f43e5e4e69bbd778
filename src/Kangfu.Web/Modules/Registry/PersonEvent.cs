using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Registry;

/// <summary>One line on a person's timeline. Every module appends here (intake, referral, service, follow-up…).</summary>
public sealed class PersonEvent : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public DateTime At { get; set; }
    /// <summary>Module-qualified kind, e.g. "registry.created", "registry.status".</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public string? ActorName { get; set; }
}
