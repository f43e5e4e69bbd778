using Kangfu.Web.Modules.Access.Users.AccountActions;
using Kangfu.Web.Modules.Access.Users.CreateUser;
using Kangfu.Web.Modules.Access.Users.EditUser;
using Kangfu.Web.Modules.Access.Users.UserList;

namespace Kangfu.Web.Modules.Access.Users;

/// <summary>User management (用户管理) of the security admin: the /users pages and the /api/users endpoints (UserManage only).</summary>
internal static class UserEndpoints
{
    public static IServiceCollection AddUserManagement(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserListQuery>();
        services.AddScoped<LoadUserForEdit>();
        services.AddScoped<UserFormOptions>();
        services.AddScoped<CreateUserHandler>();
        services.AddScoped<EditUserHandler>();
        services.AddScoped<DisableUserHandler>();
        services.AddScoped<EnableUserHandler>();
        services.AddScoped<UnlockUserHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<ResetAuthenticatorHandler>();
        return services;
    }

    public static void MapUserManagement(this WebApplication app)
    {
        // Everyone else (system admin, audit admin, case work) gets 403 before any handler runs; handlers demand it again.
        var api = app.MapGroup("/api/users").RequireAuthorization(nameof(Permission.UserManage)).DisableAntiforgery();
        api.MapGet("/", async ([AsParameters] UserFilter filter, UserListQuery query, CurrentUser current, CancellationToken ct) =>
            await query.HandleAsync(await current.GetAsync(), filter, ct));
        api.MapGet("/options", async (UserFormOptions options, CurrentUser current, CancellationToken ct) =>
            await options.HandleAsync(await current.GetAsync(), ct));
        api.MapGet("/{id:guid}", async (Guid id, LoadUserForEdit load, CurrentUser current, CancellationToken ct) =>
            await load.HandleAsync(await current.GetAsync(), Id(id), ct));
        api.MapPost("/", async (UserInput input, CreateUserHandler create, CurrentUser current, CancellationToken ct) =>
        {
            var created = await create.HandleAsync(await current.GetAsync(), input, ct);
            return Results.Created($"/api/users/{created.Id}", created);
        });
        api.MapPut("/{id:guid}", async (Guid id, UserInput input, EditUserHandler edit, CurrentUser current, CancellationToken ct) =>
            new { ConcurrencyStamp = await edit.HandleAsync(await current.GetAsync(), Id(id), input, ct) });
        api.MapPost("/{id:guid}/disable", async (Guid id, DisableUserHandler disable, CurrentUser current, CancellationToken ct) =>
            await NoContentAsync(disable.HandleAsync(await current.GetAsync(), Id(id), ct)));
        api.MapPost("/{id:guid}/enable", async (Guid id, EnableUserHandler enable, CurrentUser current, CancellationToken ct) =>
            await NoContentAsync(enable.HandleAsync(await current.GetAsync(), Id(id), ct)));
        api.MapPost("/{id:guid}/unlock", async (Guid id, UnlockUserHandler unlock, CurrentUser current, CancellationToken ct) =>
            await NoContentAsync(unlock.HandleAsync(await current.GetAsync(), Id(id), ct)));
        api.MapPost("/{id:guid}/reset-password", async (Guid id, ResetPasswordHandler reset, CurrentUser current, CancellationToken ct) =>
            new { TemporaryPassword = await reset.HandleAsync(await current.GetAsync(), Id(id), ct) });
        api.MapPost("/{id:guid}/reset-mfa", async (Guid id, ResetAuthenticatorHandler reset, CurrentUser current, CancellationToken ct) =>
            await NoContentAsync(reset.HandleAsync(await current.GetAsync(), Id(id), ct)));
    }

    /// <summary>Identity's user ids are GUIDs in the "D" format.</summary>
    private static string Id(Guid id) => id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IResult> NoContentAsync(Task action)
    {
        await action;
        return Results.NoContent();
    }
}
