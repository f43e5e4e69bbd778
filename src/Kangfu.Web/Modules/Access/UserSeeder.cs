using Kangfu.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace Kangfu.Web.Modules.Access;

public sealed record NewUser(string UserName, string DisplayName, string Role, string DistrictCode,
    string? AreaCode = null, Guid? InstitutionId = null, Organization.DeviceDirection Direction = Organization.DeviceDirection.None);

/// <summary>Creates the roles and user accounts (demo data and first-run setup).</summary>
public sealed class UserSeeder(UserManager<AppUser> users, RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task<AppUser> EnsureUserAsync(NewUser spec, string password)
    {
        var user = await users.FindByNameAsync(spec.UserName);
        if (user is not null)
        {
            return user;
        }
        user = new AppUser
        {
            UserName = spec.UserName,
            DisplayName = spec.DisplayName,
            DistrictCode = spec.DistrictCode,
            AreaCode = spec.AreaCode,
            InstitutionId = spec.InstitutionId,
            Direction = spec.Direction,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new DomainException("创建用户失败：" + string.Join("；", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, spec.Role);
        return user;
    }

    /// <summary>
    /// Binds a known TOTP secret (base32) to the account and turns the second factor on. For demo and test
    /// accounts only: a real admin enrols at /account/mfa with a random secret.
    /// </summary>
    public async Task EnrollAuthenticatorAsync(AppUser user, string base32Secret)
    {
        if (await users.GetAuthenticatorKeyAsync(user) != base32Secret)
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", base32Secret);
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
        }
    }
}
