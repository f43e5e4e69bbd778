namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// One audited action: a change, a sensitive read (reveal, export, print) or a login. Append-only and hash-chained
/// per district and chain: <see cref="Hash"/> is SHA-256 over the row's canonical form, which includes <see cref="Sequence"/>
/// and the previous row's hash (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public string DistrictCode { get; set; } = "";
    public Guid Id { get; set; }
    /// <summary>
    /// Which of the district's parallel chains holds the row (<see cref="AuditChain.Chains"/>; 0 for bulk imports and
    /// rows written before chains existed): concurrent saves append to different chains and commit in parallel.
    /// </summary>
    public int Chain { get; set; }
    /// <summary>Position in the district's chain <see cref="Chain"/>: 1, 2, 3, … without gaps.</summary>
    public long Sequence { get; set; }
    /// <summary>Hash of the row with Sequence − 1 (64 zeros for the first row).</summary>
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Roles { get; set; }
    public string? AreaCode { get; set; }
    public string? Ip { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>JSON {property: [before, after]} with sensitive values masked.</summary>
    public string? Changes { get; set; }
    public string Result { get; set; } = "成功";
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Reveal = "reveal";
    public const string Export = "export";
    public const string Import = "import";
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string LockedOut = "locked-out";
    public const string MfaFailed = "mfa-failed";
    public const string Logout = "logout";
    public const string PasswordChanged = "password-changed";
    /// <summary>An authenticator bound or replaced at /account/mfa (detail: first enrolment / replaced / why it failed).</summary>
    public const string MfaEnrolled = "mfa-enrolled";
    /// <summary>User management by the security admin (/users); detail: masked values, or the refusal with result 失败.</summary>
    public const string UserCreated = "user-created";
    public const string UserUpdated = "user-updated";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string UserUnlocked = "user-unlocked";
    /// <summary>A temporary password set by the security admin (never the password itself).</summary>
    public const string PasswordReset = "password-reset";
    /// <summary>An admin's authenticator removed by the security admin: the next login enrols a new one.</summary>
    public const string MfaReset = "mfa-reset";
    public const string Search = "search";
    public const string Print = "print";
    /// <summary>Rows past their retention removed by purge-audit (detail: the counts; one row per district purged).</summary>
    public const string AuditPurged = "audit-purged";
}
