using System.Threading.RateLimiting;
using Kangfu.Web.Modules.Access;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kangfu.Web.Platform;

/// <summary>
/// Security headers (CSP that Blazor Server and MudBlazor work with, nosniff, frame-ancestors, referrer policy),
/// no-store on every dynamic response (pages and APIs carry personal data) and rate limits on login and exports.
/// </summary>
public static class WebHardening
{
    public const string LoginPolicy = "login";
    public const string ExportPolicy = "export";
    public const string TooManyRequests = "请求过于频繁，请稍后再试。";

    /// <summary>
    /// script-src 'self' without 'unsafe-inline'/'unsafe-eval' (Blazor Server needs neither); MudBlazor sets inline styles,
    /// so style-src allows them; the circuit runs over a WebSocket to the same host.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddWebHardening(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { title = TooManyRequests, status = StatusCodes.Status429TooManyRequests }, ct);
            };
            // Per client IP (the body with the user name is not read before the limiter); the account lockout covers per user.
            o.AddPolicy(LoginPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                "login:" + (http.Connection.RemoteIpAddress?.ToString() ?? "?"),
                _ => Window(http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LoginPermitsPerMinute)));
            o.AddPolicy(ExportPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                "export:" + (http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "?"),
                _ => Window(http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.ExportPermitsPerMinute)));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            // Static assets set their own (immutable) caching; everything else may carry personal data.
            if (!headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers[HeaderNames.CacheControl] = "no-store";
                headers[HeaderNames.Pragma] = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
