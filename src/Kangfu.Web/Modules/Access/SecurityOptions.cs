namespace Kangfu.Web.Modules.Access;

/// <summary>
/// Authentication, session, rate-limit and audit-retention settings (section "Security"). The defaults are the
/// MLPS 2.0 level 3 (等保三级) values; a deployment may tighten them, validation refuses to loosen them below the minimum.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Minimum password length (length instead of composition rules).</summary>
    public int PasswordMinLength { get; set; } = 12;
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 30;
    /// <summary>Sliding idle timeout of the session cookie.</summary>
    public int IdleTimeoutMinutes { get; set; } = 15;
    /// <summary>Absolute lifetime of a session, however active.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 8;
    /// <summary>How often the session is checked against the account (disabled, password changed).</summary>
    public int AccountCheckSeconds { get; set; } = 60;
    /// <summary>Login attempts per client IP per minute before 429.</summary>
    public int LoginPermitsPerMinute { get; set; } = 20;
    /// <summary>Login attempts per user name per minute before 429, whether the name exists or not.</summary>
    public int LoginPermitsPerUserPerMinute { get; set; } = 10;
    /// <summary>Exports per user per minute before 429.</summary>
    public int ExportPermitsPerMinute { get; set; } = 10;
    /// <summary>Retention of audit rows in general (at least 180 days).</summary>
    public int AuditRetentionDays { get; set; } = 180;
    /// <summary>Retention of audit rows of sensitive reads: reveal, export, print (at least 3 years).</summary>
    public int SensitiveAuditRetentionDays { get; set; } = 1096;
    /// <summary>Runs purge-audit once a day in the background (off by default: rows are then kept until purged by hand).</summary>
    public bool AuditPurgeEnabled { get; set; }
    /// <summary>Where the daily purge archives the removed rows (JSON lines); empty: no archive.</summary>
    public string? AuditPurgeArchiveDirectory { get; set; }

    public IEnumerable<string> Validate()
    {
        if (PasswordMinLength < 8)
        {
            yield return "Security:PasswordMinLength 不得小于 8。";
        }
        if (MaxFailedLogins is < 1 or > 10)
        {
            yield return "Security:MaxFailedLogins 必须在 1 到 10 之间。";
        }
        if (LoginPermitsPerUserPerMinute < 1)
        {
            yield return "Security:LoginPermitsPerUserPerMinute 不得小于 1。";
        }
        if (IdleTimeoutMinutes is < 1 or > 30)
        {
            yield return "Security:IdleTimeoutMinutes 必须在 1 到 30 之间。";
        }
        if (AbsoluteTimeoutHours is < 1 or > 24)
        {
            yield return "Security:AbsoluteTimeoutHours 必须在 1 到 24 之间。";
        }
        if (AuditRetentionDays < 180)
        {
            yield return "Security:AuditRetentionDays 不得少于 180 天。";
        }
        if (SensitiveAuditRetentionDays < 1095)
        {
            yield return "Security:SensitiveAuditRetentionDays 不得少于 3 年（1095 天）。";
        }
    }
}
