using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access;

/// <summary>
/// Puts the user's district, area and institution scope into the cookie, so every query can filter by it. An account that
/// must change its temporary password gets no roles and the password-change-only mark; otherwise an admin-role account
/// without an authenticator gets no roles and the enrolment-only mark (<see cref="SessionGate"/>). This is decided from
/// the account on every (re)issue of the principal, so the periodic account check cannot widen it.
/// </summary>
internal sealed class KangfuClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roleClaims = identity.FindAll(identity.RoleClaimType).ToList();
        var restriction = await Users.TemporaryPassword.MustChangeAsync(UserManager, user) ? SessionGate.MustChangeClaim
            : roleClaims.Exists(c => LoginHandler.MfaRoles.Contains(c.Value)) && await UserManager.GetAuthenticatorKeyAsync(user) is null
                ? Mfa.MfaEnrolmentGate.EnrolmentOnlyClaim
                : null;
        if (restriction is not null)
        {
            roleClaims.ForEach(identity.RemoveClaim);
            identity.AddClaim(new Claim(restriction, "1"));
        }
        identity.AddClaim(new Claim(UserContext.DistrictClaim, user.DistrictCode));
        identity.AddClaim(new Claim(UserContext.DisplayNameClaim, user.DisplayName));
        if (user.AreaCode is { Length: > 0 } area)
        {
            identity.AddClaim(new Claim(UserContext.AreaClaim, Organization.AreaCodes.Prefix(area)));
        }
        if (user.InstitutionId is { } institution)
        {
            identity.AddClaim(new Claim(UserContext.InstitutionClaim, institution.ToString("D", CultureInfo.InvariantCulture)));
        }
        if (user.Direction != Organization.DeviceDirection.None)
        {
            identity.AddClaim(new Claim(UserContext.DirectionClaim, ((int)user.Direction).ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
