using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kangfu.Web.Modules.Access;

/// <summary>
/// The acting user in this scope: an HTTP request, or a Blazor circuit (where HttpContext is gone
/// after the connection, so the IP is captured when the circuit opens).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IServiceProvider services)
{
    private UserContext? cached;
    private bool watching;

    public string? Ip { get; set; }

    /// <summary>Overrides the caller for background jobs and command-line tools.</summary>
    public void Impersonate(UserContext user) => cached = user;

    public async Task<UserContext> GetAsync()
    {
        if (cached is not null)
        {
            return cached;
        }
        var context = http.HttpContext;
        var principal = context?.User;
        if (principal?.Identity?.IsAuthenticated != true && services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            if (!watching)
            {
                // The circuit's account check (RevalidatingAccountState) signs the circuit out: forget the user.
                provider.AuthenticationStateChanged += _ => cached = null;
                watching = true;
            }
            try
            {
                principal = (await provider.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Not inside a circuit: no authentication state was set.
            }
        }
        var ip = Ip ?? context?.Connection.RemoteIpAddress?.ToString();
        cached = principal is null ? null : UserContext.FromPrincipal(principal, ip);
        return cached ?? throw new UnauthorizedAccessException("请先登录。");
    }

    /// <summary>Without awaiting: the cached user or the current request's user, else null.</summary>
    public UserContext? PeekFromRequest() => cached ?? (http.HttpContext is { } context
        ? UserContext.FromPrincipal(context.User, Ip ?? context.Connection.RemoteIpAddress?.ToString())
        : null);

    /// <summary>The user if signed in, else null (for audit of anonymous actions such as failed logins).</summary>
    public async Task<UserContext?> TryGetAsync()
    {
        try
        {
            return await GetAsync();
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Captures the client IP when a circuit opens, for the audit log.</summary>
internal sealed class CaptureIpCircuitHandler(IHttpContextAccessor http, CurrentUser user) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.Ip ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }
}
