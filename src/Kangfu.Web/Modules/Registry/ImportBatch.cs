using Kangfu.Web.Platform.Data;

namespace Kangfu.Web.Modules.Registry;

public enum ImportStatus
{
    Validating = 1,
    Validated = 2,
    Committing = 3,
    Committed = 4,
    Failed = 5,
    Cancelled = 6,
}

/// <summary>One uploaded registry file: validated first, written only when the user confirms.</summary>
public sealed class ImportBatch : ITenantEntity
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    public string FileName { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public ImportStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int ValidRows { get; set; }
    public int ErrorRows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public string? Message { get; set; }
}
