using System.Text.RegularExpressions;
using Kangfu.Web.Modules.Organization;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>What an account's roles make it work for: the whole district, one street, one community or one institution.</summary>
public enum ScopeLevel
{
    District,
    Street,
    Community,
    Institution,
}

/// <summary>
/// The account rules of user management that need no database: user name shape, the separation of duties between the
/// three admin roles (三权分立) and case work, and which scope each role needs.
/// </summary>
public static partial class UserRules
{
    public const int MaxDisplayName = 50;

    /// <summary>System, security and audit admin: never two of them, never with case work.</summary>
    public static IReadOnlySet<string> AdminRoles => LoginHandler.MfaRoles;

    public static readonly IReadOnlyDictionary<ScopeLevel, string> LevelNames = new Dictionary<ScopeLevel, string>
    {
        [ScopeLevel.District] = "全区",
        [ScopeLevel.Street] = "街道（乡镇）",
        [ScopeLevel.Community] = "社区（村）",
        [ScopeLevel.Institution] = "服务机构",
    };

    private static readonly HashSet<string> Reserved = ["system", "anonymous", "root"];

    public static ScopeLevel LevelOf(string role) => role switch
    {
        Roles.CommunityStaff or Roles.ContractedDoctor => ScopeLevel.Community,
        Roles.StreetCoordinator => ScopeLevel.Street,
        _ when Roles.InstitutionScoped.Contains(role) => ScopeLevel.Institution,
        _ => ScopeLevel.District,
    };

    /// <summary>The scope level of a role set whose roles agree on one; otherwise that of the first role (the combination is refused anyway).</summary>
    public static ScopeLevel LevelOf(IReadOnlyCollection<string> roles) => roles.Count == 0 ? ScopeLevel.District : LevelOf(roles.First());

    public static string? UserNameError(string? userName)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return "用户名：请填写。";
        }
        if (!UserNameShape().IsMatch(userName))
        {
            return "用户名：须为 3 至 32 个字符，以小写英文字母开头，只能包含小写英文字母、数字和 . _ -。";
        }
        return Reserved.Contains(userName) ? $"用户名：“{userName}”是系统保留的名称，请换一个。" : null;
    }

    /// <summary>Field → message for every broken shape rule of the form (roles known, scope present for the roles' level).</summary>
    public static Dictionary<string, string> ShapeErrors(UserInput input, bool creating)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (creating && UserNameError(input.UserName) is { } userName)
        {
            errors[nameof(UserInput.UserName)] = userName;
        }
        if (string.IsNullOrEmpty(input.DisplayName))
        {
            errors[nameof(UserInput.DisplayName)] = "姓名：请填写。";
        }
        else if (input.DisplayName.Length > MaxDisplayName)
        {
            errors[nameof(UserInput.DisplayName)] = $"姓名：不能超过 {MaxDisplayName} 个字。";
        }
        if (input.Roles.Count == 0 || input.Roles.Any(r => !Roles.DisplayNames.ContainsKey(r)))
        {
            errors[nameof(UserInput.Roles)] = input.Roles.Count == 0 ? "角色：请至少选择一个角色。" : "角色：包含未知的角色。";
            return errors;
        }
        if (CombinationError(input.Roles) is not null)
        {
            // Refused as a whole (and audited) by the handler; a scope for a role set that cannot exist is not checked.
            return errors;
        }
        var level = LevelOf(input.Roles);
        if (level is ScopeLevel.Street or ScopeLevel.Community)
        {
            var code = input.AreaCode ?? "";
            var shape = code.Length == 12 && code.All(char.IsAsciiDigit);
            if (!shape || AreaCodes.LevelOf(code) != (level == ScopeLevel.Street ? 4 : 5))
            {
                errors[nameof(UserInput.AreaCode)] = $"管辖区域：请选择一个{LevelNames[level]}。";
            }
        }
        if (level == ScopeLevel.Institution && input.InstitutionId is null)
        {
            errors[nameof(UserInput.InstitutionId)] = "所属机构：请选择机构。";
        }
        if (input.Roles.Contains(Roles.DeviceTechnician) && input.Direction == DeviceDirection.None)
        {
            errors[nameof(UserInput.Direction)] = "辅具方向：请至少选择一个辅具方向。";
        }
        return errors;
    }

    /// <summary>The separation-of-duties refusal of a role set, or null if the set may be granted to one account.</summary>
    public static string? CombinationError(IReadOnlyCollection<string> roles)
    {
        var admins = roles.Where(AdminRoles.Contains).ToList();
        if (admins.Count > 1)
        {
            return "角色：区系统管理员、安全管理员、审计管理员三者互斥，不能授予同一账号（三权分立）。";
        }
        if (admins.Count == 1 && roles.Count > 1)
        {
            return $"角色：{Roles.DisplayNames[admins[0]]}不能同时担任业务角色（三权分立）。";
        }
        var levels = roles.Select(LevelOf).Distinct().ToList();
        if (levels.Contains(ScopeLevel.Institution) && levels.Count > 1)
        {
            return "角色：机构角色不能与区、街道、社区的角色授予同一账号。";
        }
        return levels.Count > 1
            ? $"角色：所选角色的管辖范围不同（{string.Join("、", levels.Select(l => LevelNames[l]))}），请分别建立账号。"
            : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,31}$")]
    private static partial Regex UserNameShape();
}
