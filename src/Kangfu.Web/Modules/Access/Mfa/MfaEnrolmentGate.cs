namespace Kangfu.Web.Modules.Access.Mfa;

/// <summary>
/// The restricted session of an admin who has no authenticator yet: it reaches the enrolment page and API, logout,
/// the login endpoints and static assets, nothing else. Pages redirect to /account/mfa, APIs answer 403 in Chinese.
/// The principal carries no roles either (<see cref="KangfuClaimsFactory"/>), so a route missed here still has no permission.
/// </summary>
public static class MfaEnrolmentGate
{
    public const string EnrolmentOnlyClaim = "kangfu:mfa-enrol";
    public const string EnrolmentPath = "/account/mfa";
    public const string EnrolFirstMessage = "请先绑定身份验证器（双因素认证）后再使用本系统。";

    private static readonly string[] AssetExtensions = [".css", ".js", ".svg", ".png", ".ico", ".woff", ".woff2", ".map"];

    public static bool IsEnrolmentOnly(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == EnrolmentOnlyClaim);

    public static IApplicationBuilder UseMfaEnrolmentGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsEnrolmentOnly(context.User) || Allowed(context.Request))
        {
            await next();
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { title = EnrolFirstMessage, status = StatusCodes.Status403Forbidden, next = EnrolmentPath });
            return;
        }
        context.Response.Redirect(EnrolmentPath);
    });

    private static bool Allowed(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments(EnrolmentPath) || path.StartsWithSegments("/api/account/mfa")
            || path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/account/login")
            || path.StartsWithSegments("/login") || path.StartsWithSegments("/api/auth"))
        {
            return true;
        }
        // Static assets (styles, scripts, icons) carry no personal data; never an /api route (exports end in .xlsx/.csv).
        var value = path.Value ?? "";
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !path.StartsWithSegments("/api")
            && (path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
                || AssetExtensions.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
    }
}
