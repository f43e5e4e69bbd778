namespace Kangfu.Web.Modules.Access.Mfa;

/// <summary>
/// The restricted session of an admin who has no authenticator yet: it reaches the enrolment page and API, logout,
/// the login endpoints and static assets, nothing else. Pages redirect to /account/mfa, APIs answer 403 in Chinese.
/// The principal carries no roles either (<see cref="KangfuClaimsFactory"/>), so a route missed here still has no permission.
/// The middleware is <see cref="SessionGate"/> (shared with the password-change-only session).
/// </summary>
public static class MfaEnrolmentGate
{
    public const string EnrolmentOnlyClaim = "kangfu:mfa-enrol";
    public const string EnrolmentPath = "/account/mfa";
    public const string EnrolFirstMessage = "请先绑定身份验证器（双因素认证）后再使用本系统。";

    public static bool IsEnrolmentOnly(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == EnrolmentOnlyClaim);
}
