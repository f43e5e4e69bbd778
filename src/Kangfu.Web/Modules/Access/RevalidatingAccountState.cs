using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access;

/// <summary>
/// The account check of an open Blazor circuit, which makes no HTTP request the cookie check could stop: every
/// <see cref="SecurityOptions.AccountCheckSeconds"/> the circuit's user must still be enabled and carry the account's
/// current security stamp (a disable, password reset, authenticator reset or role change renews it). Otherwise the circuit
/// becomes anonymous: pages send it to the login, and <see cref="CurrentUser"/> forgets the user.
/// </summary>
internal sealed class RevalidatingAccountState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<SecurityOptions> security,
    IOptions<IdentityOptions> identity) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(security.Value.AccountCheckSeconds);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState.User);

    /// <summary>True if the principal's account is enabled and its security stamp is the account's current one.</summary>
    internal async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is not { IsActive: true })
        {
            return false;
        }
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(user);
    }
}
