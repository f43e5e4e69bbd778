using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access;

/// <summary>
/// Re-checks the session against the account every <see cref="SecurityOptions.AccountCheckSeconds"/>:
/// a changed security stamp (password change, reset) or a disabled account ends the session.
/// </summary>
internal sealed class ActiveUserStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is { IsActive: true } ? user : null;
    }
}

/// <summary>Ends a session at its absolute lifetime, counted from the sign-in (kept in the ticket properties).</summary>
internal static class AbsoluteSession
{
    public const string SignedInKey = "kangfu.signedin";

    /// <summary>Marks a new sign-in; a refreshed cookie (password change) keeps the original sign-in time.</summary>
    public static void Stamp(AuthenticationProperties properties, TimeProvider clock) =>
        properties.Items.TryAdd(SignedInKey, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static bool Expired(AuthenticationProperties properties, TimeProvider clock, TimeSpan lifetime) =>
        !properties.Items.TryGetValue(SignedInKey, out var value)
        || !long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) >= lifetime;
}
