using LicenseAllocation.Application.Users;

namespace LicenseAllocation.Web.Api;

/// <summary>The province administrator's accounts. The service decides who may; everyone else gets 403 forbidden.</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/users", ListAsync).WithName("ListUsers").WithSummary("Every account with its role, scope unit and whether it is disabled.");
        api.MapGet("/users/{id}", GetAsync).WithName("GetUser");
        api.MapPost("/users", CreateAsync).WithName("CreateUser")
            .WithSummary("Creates an account. 400 invalid-role | scope-required | scope-not-allowed | invalid-scope | weak-password | invalid-user-name | duplicate-user.");
        api.MapPost("/users/{id}/disable", DisableAsync).WithName("DisableUser")
            .WithSummary("Disables an account; its sessions and tokens stop working within a minute. 409 cannot-disable-self.");
        api.MapPost("/users/{id}/password", ResetPasswordAsync).WithName("ResetUserPassword")
            .WithSummary("Sets a new password (at least 12 characters); the user's other sessions end. 204; 400 weak-password.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await users.ListAsync(caller, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value.Select(UserDto.From)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await users.GetAsync(caller, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(UserDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> CreateAsync(CreateUserRequest request, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await users.CreateAsync(caller, new NewUser(request.UserName, request.Password, request.Role, request.ScopeUnitId), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(outcome.Value.Id)}", UserDto.From(outcome.Value))
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DisableAsync(string id, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await users.DisableAsync(caller, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(UserDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ResetPasswordAsync(
        string id, PasswordResetRequest request, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await users.ResetPasswordAsync(caller, id, request.Password, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : ApiProblems.Refusal(outcome.Error);
    }
}
