using Kangfu.Web.Modules.Access;

namespace Kangfu.Web.Modules.Audit.PurgeAudit;

/// <summary>
/// Which audit rows are records of sensitive access (kept <see cref="SecurityOptions.SensitiveAuditRetentionDays"/>, at
/// least 3 years) and which are ordinary (logins, changes: <see cref="SecurityOptions.AuditRetentionDays"/>, at least
/// 180 days). The lists name every action the application writes; an action on neither list counts as sensitive, so a
/// new kind of record is kept the longer time until someone classifies it.
/// </summary>
public static class AuditRetention
{
    /// <summary>
    /// Sensitive access: full identifiers revealed (person page, edit form, opened intake form — all <c>reveal</c>), exports
    /// (persons, audit search), prints (service cards), and searches by identifier (reserved: no writer yet).
    /// </summary>
    public static readonly IReadOnlySet<string> SensitiveActions = new HashSet<string>(StringComparer.Ordinal)
    {
        AuditActions.Reveal, AuditActions.Export, AuditActions.Print, AuditActions.Search,
    };

    /// <summary>Ordinary: changes (create, update, delete, import), sign-in and account events, account administration, and the purges themselves.</summary>
    public static readonly IReadOnlySet<string> OrdinaryActions = new HashSet<string>(StringComparer.Ordinal)
    {
        AuditActions.Create, AuditActions.Update, AuditActions.Delete, AuditActions.Import,
        AuditActions.Login, AuditActions.LoginFailed, AuditActions.LockedOut, AuditActions.MfaFailed, AuditActions.Logout,
        AuditActions.PasswordChanged, AuditActions.MfaEnrolled, AuditActions.AuditPurged,
        // Account administration by the security admin (changes of accounts, not reads of personal data).
        AuditActions.UserCreated, AuditActions.UserUpdated, AuditActions.UserDisabled, AuditActions.UserEnabled,
        AuditActions.UserUnlocked, AuditActions.PasswordReset, AuditActions.MfaReset,
    };

    public static bool IsSensitive(string action) => !OrdinaryActions.Contains(action);

    public static int RetentionDays(string action, SecurityOptions options) =>
        IsSensitive(action) ? options.SensitiveAuditRetentionDays : options.AuditRetentionDays;

    /// <summary>Past retention: strictly older than the retention (a row exactly that old stays one more day).</summary>
    public static bool IsExpired(string action, DateTime at, DateTime now, SecurityOptions options) =>
        at < now.AddDays(-RetentionDays(action, options));

    /// <summary>Nothing at or after this instant can be expired, whatever its action.</summary>
    public static DateTime CandidateCutoff(DateTime now, SecurityOptions options) =>
        now.AddDays(-Math.Min(options.AuditRetentionDays, options.SensitiveAuditRetentionDays));
}
