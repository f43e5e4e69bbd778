using Kangfu.Web.Modules.Organization;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>
/// The create/edit form of an account (also the JSON body of POST /api/users and PUT /api/users/{id}). The user name is
/// set once, at creation. Scope: a street or community code for area roles, an institution for institution roles,
/// nothing for district roles (the whole district). An edit sends back the <see cref="ConcurrencyStamp"/> it loaded.
/// </summary>
public sealed class UserInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
    /// <summary>12-digit code of a street (街道康复协调员) or community (社区工作人员, 社区签约医生).</summary>
    public string? AreaCode { get; set; }
    public Guid? InstitutionId { get; set; }
    /// <summary>Device directions of a 辅具技术人员; None for every other role.</summary>
    public DeviceDirection Direction { get; set; }
    public string? ConcurrencyStamp { get; set; }

    public static UserInput From(AppUser user, IEnumerable<string> roles) => new()
    {
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        Roles = [.. roles],
        AreaCode = user.AreaCode,
        InstitutionId = user.InstitutionId,
        Direction = user.Direction,
        ConcurrencyStamp = user.ConcurrencyStamp,
    };

    /// <summary>Trimmed, the user name lower-cased, roles distinct, and only the scope fields the roles use kept.</summary>
    public UserInput Normalized()
    {
        var roles = Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var level = UserRules.LevelOf(roles);
        return new UserInput
        {
            UserName = UserName?.Trim().ToLowerInvariant(),
            DisplayName = DisplayName?.Trim(),
            Roles = roles,
            AreaCode = level is ScopeLevel.Street or ScopeLevel.Community ? AreaCode?.Trim() : null,
            InstitutionId = level == ScopeLevel.Institution ? InstitutionId : null,
            Direction = roles.Contains(Access.Roles.DeviceTechnician) ? Direction : DeviceDirection.None,
            ConcurrencyStamp = ConcurrencyStamp,
        };
    }
}
