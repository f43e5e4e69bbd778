using System.Security.Claims;

namespace Kangfu.Web.Modules.Access;

/// <summary>
/// The restricted sessions: an account that must change its initial or reset password reaches only /account (password
/// change) and its API; an admin without an authenticator only /account/mfa (<see cref="Mfa.MfaEnrolmentGate"/>). Both
/// also reach login, logout and static assets. Pages redirect to the allowed page, APIs answer 403 in Chinese. The
/// principal of a restricted session carries no roles either (<see cref="KangfuClaimsFactory"/>).
/// </summary>
public static class SessionGate
{
    public const string MustChangeClaim = "kangfu:pwd-change";
    public const string AccountPath = "/account";
    public const string ChangeFirstMessage = "请先修改安全管理员设置的临时密码后再使用本系统。";

    private static readonly string[] AssetExtensions = [".css", ".js", ".svg", ".png", ".ico", ".woff", ".woff2", ".map"];

    private sealed record Restriction(string Claim, string PagePath, string ApiPath, string Message);

    private static readonly Restriction[] Restrictions =
    [
        new(MustChangeClaim, AccountPath, "/api/account/password", ChangeFirstMessage),
        new(Mfa.MfaEnrolmentGate.EnrolmentOnlyClaim, Mfa.MfaEnrolmentGate.EnrolmentPath, "/api/account/mfa", Mfa.MfaEnrolmentGate.EnrolFirstMessage),
    ];

    public static bool IsPasswordChangeOnly(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == MustChangeClaim);

    /// <summary>Right after authentication: restricted sessions reach their one page and API only.</summary>
    public static IApplicationBuilder UseSessionGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var restriction = context.User.Identity?.IsAuthenticated == true
            ? Array.Find(Restrictions, r => context.User.HasClaim(c => c.Type == r.Claim))
            : null;
        if (restriction is null || Allowed(context.Request, restriction))
        {
            await next();
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { title = restriction.Message, status = StatusCodes.Status403Forbidden, next = restriction.PagePath });
            return;
        }
        context.Response.Redirect(restriction.PagePath);
    });

    private static bool Allowed(HttpRequest request, Restriction restriction)
    {
        var path = request.Path;
        var value = (path.Value ?? "").TrimEnd('/');
        if (value.Equals(restriction.PagePath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(restriction.ApiPath)
            || path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/account/login")
            || path.StartsWithSegments("/login") || path.StartsWithSegments("/api/auth"))
        {
            return true;
        }
        // Static assets (styles, scripts, icons) carry no personal data; never an /api route (exports end in .xlsx/.csv).
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !path.StartsWithSegments("/api")
            && (path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
                || AssetExtensions.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
    }
}
