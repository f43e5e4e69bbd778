using Kangfu.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Kangfu.Web.Modules.Access.Mfa;

/// <summary>What the enrolment page shows: whether a key is live, and the pending key to scan or type.</summary>
public sealed record EnrolmentView(bool Enrolled, string GroupedKey, string Uri, string QrDataUrl);

/// <summary>
/// The pending authenticator key of the signed-in admin, created on first request and kept server-side in Identity's
/// token store (AspNetUserTokens) until it is confirmed or renewed. The live key is untouched, so it keeps working.
/// </summary>
internal sealed class PendingAuthenticator(UserManager<AppUser> users)
{
    public const string Provider = "[KangfuMfa]";
    public const string Name = "PendingAuthenticatorKey";

    public async Task<EnrolmentView> HandleAsync(UserContext current, bool renew = false)
    {
        var user = await users.FindByIdAsync(current.UserId) is { IsActive: true } found ? found : throw new UnauthorizedAccessException("请先登录。");
        if (!(await users.GetRolesAsync(user)).Any(LoginHandler.MfaRoles.Contains))
        {
            throw new DomainException("只有系统管理员、安全管理员和审计管理员需要绑定身份验证器。");
        }
        var key = renew ? null : await users.GetAuthenticationTokenAsync(user, Provider, Name);
        if (key is null)
        {
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, Provider, Name, key);
        }
        var uri = AuthenticatorCode.Uri(user.UserName ?? "", key);
        return new EnrolmentView(await users.GetAuthenticatorKeyAsync(user) is not null, AuthenticatorCode.Grouped(key), uri, QrDataUrl(uri));
    }

    private static string QrDataUrl(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
