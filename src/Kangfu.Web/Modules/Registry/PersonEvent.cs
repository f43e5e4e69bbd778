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

    /// <summary>A new timeline line of a person, by the acting user.</summary>
    public static PersonEvent Create(string districtCode, Guid personId, DateTime at, string kind, string title, string? detail, string? actorName) => new()
    {
        DistrictCode = districtCode,
        Id = Guid.CreateVersion7(),
        PersonId = personId,
        At = at,
        Kind = kind,
        Title = title,
        Detail = detail,
        ActorName = actorName,
    };
}
