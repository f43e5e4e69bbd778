using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>
/// The initial or reset password the security admin hands over: random, shown once, never stored in clear, never audited.
/// The account is flagged (Identity's token store, provider <see cref="Provider"/>: no model change) until its owner changes
/// it; until then <see cref="KangfuClaimsFactory"/> issues a password-change-only session (<see cref="SessionGate"/>).
/// </summary>
public static class TemporaryPassword
{
    public const string Provider = "[KangfuAccount]";
    public const string Name = "MustChangePassword";

    /// <summary>No 0/O, 1/l/I: read aloud or typed from a note without mistakes.</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>At least 16 characters (≈ 92 bits), longer if the configured minimum is longer.</summary>
    public static string Generate(int minLength) => RandomNumberGenerator.GetString(Alphabet, Math.Max(16, minLength));

    public static async Task<bool> MustChangeAsync(UserManager<AppUser> users, AppUser user) =>
        await users.GetAuthenticationTokenAsync(user, Provider, Name) is not null;

    public static Task<IdentityResult> FlagAsync(UserManager<AppUser> users, AppUser user) =>
        users.SetAuthenticationTokenAsync(user, Provider, Name, "1");

    public static Task<IdentityResult> ClearAsync(UserManager<AppUser> users, AppUser user) =>
        users.RemoveAuthenticationTokenAsync(user, Provider, Name);
}
