using System.Globalization;
using System.Text.Json;
using Kangfu.Web.Modules.Organization;
using Kangfu.Web.Platform.Privacy;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>
/// The audited values of an account, masked like the change interceptor masks them (the display name is a person's name);
/// roles by their Chinese names. Never a password or an authenticator key.
/// </summary>
internal static class UserAuditDetail
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>{"UserName": …, "DisplayName": "张*", "Roles": "社区工作人员", "AreaCode": …, …} of a new account.</summary>
    public static string Of(UserInput input) => JsonSerializer.Serialize(Values(input), Json);

    /// <summary>{property: [before, after]} of the changed values only.</summary>
    public static string Changes(UserInput before, UserInput after)
    {
        var old = Values(before);
        var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (name, value) in Values(after))
        {
            if (name != nameof(UserInput.UserName) && old[name] != value)
            {
                changes[name] = [old[name], value];
            }
        }
        return JsonSerializer.Serialize(changes, Json);
    }

    /// <summary>The account's user name only (disable, enable, unlock, resets).</summary>
    public static string Name(AppUser user) => JsonSerializer.Serialize(new { user.UserName }, Json);

    private static SortedDictionary<string, string?> Values(UserInput input) => new(StringComparer.Ordinal)
    {
        [nameof(UserInput.UserName)] = input.UserName,
        [nameof(UserInput.DisplayName)] = Mask.Name(input.DisplayName),
        [nameof(UserInput.Roles)] = string.Join("、", input.Roles.Order(StringComparer.Ordinal).Select(r => Roles.DisplayNames.GetValueOrDefault(r, r))),
        [nameof(UserInput.AreaCode)] = input.AreaCode,
        [nameof(UserInput.InstitutionId)] = input.InstitutionId?.ToString("D", CultureInfo.InvariantCulture),
        [nameof(UserInput.Direction)] = input.Direction == DeviceDirection.None ? null : DeviceDirections.Describe(input.Direction),
    };
}
