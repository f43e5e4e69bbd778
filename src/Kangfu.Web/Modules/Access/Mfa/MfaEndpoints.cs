namespace Kangfu.Web.Modules.Access.Mfa;

internal static class MfaEndpoints
{
    public static void MapMfa(this WebApplication app)
    {
        var group = app.MapGroup("/api/account/mfa").RequireAuthorization().DisableAntiforgery();
        group.MapGet("/", async (PendingAuthenticator pending, CurrentUser current, bool? renew) =>
            Results.Ok(await pending.HandleAsync(await current.GetAsync(), renew == true)));
        group.MapPost("/", async (ConfirmAuthenticatorRequest request, ConfirmAuthenticator confirm, CurrentUser current) =>
        {
            try
            {
                var first = await confirm.HandleAsync(await current.GetAsync(), request);
                return Results.Ok(new { enrolled = true, signInAgain = first });
            }
            catch (AccountLockedException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status401Unauthorized, title: e.Message);
            }
        });
    }
}
