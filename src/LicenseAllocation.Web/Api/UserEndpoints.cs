using LicenseAllocation.Application.Users;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// The province administrator's accounts, and every user's own (<c>/account</c>). The service decides who may; everyone
/// else gets 403 forbidden.
/// </summary>
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
        api.MapPut("/users/{id}", UpdateAsync).WithName("UpdateUser")
            .WithSummary("Sets an account's full name, position, phone, e-mail and scope unit (a new unit ends its sessions). "
                + "400 invalid-full-name | invalid-position | invalid-phone | invalid-email | scope-required | scope-not-allowed | invalid-scope.");
        api.MapPut("/users/{id}/email", SetEmailAsync).WithName("SetUserEmail")
            .WithSummary("Sets an account's e-mail address ({ email }; null clears it): the administrator, or the user themself. 400 invalid-email.");
        api.MapPost("/users/{id}/enable", EnableAsync).WithName("EnableUser")
            .WithSummary("Re-enables a disabled account; it signs in with its password again. 409 user-not-disabled.");
        api.MapGet("/account", GetOwnAsync).WithName("GetOwnAccount").WithSummary("The signed-in user's own account.");
        api.MapPut("/account", UpdateOwnAsync).WithName("UpdateOwnAccount")
            .WithSummary("Sets the signed-in user's own full name, phone and e-mail. 400 invalid-full-name | invalid-phone | invalid-email.");
        api.MapPost("/account/password", ChangeOwnPasswordAsync).WithName("ChangeOwnPassword")
            .WithSummary("Changes the signed-in user's own password ({ currentPassword, newPassword }); 204, and every token of the account "
                + "ends (sign in again). 400 wrong-current-password | weak-password | same-password | common-password | password-like-user-name. "
                + "Until an account whose password the administrator set has changed it, every other call answers 403 password-change-required.");
        api.MapGet("/account/two-factor", GetTwoFactorAsync).WithName("GetOwnTwoFactor")
            .WithSummary("The own account's two-factor sign-in: { enabled, mandatory, sharedKey, authenticatorUri, recoveryCodesLeft }; "
                + "while it is off, the key (and otpauth:// address) to enter in an authenticator app.");
        api.MapPost("/account/two-factor", EnableTwoFactorAsync).WithName("EnableOwnTwoFactor")
            .WithSummary("Turns two-factor sign-in on with a current code from the app ({ code }); answers the ten recovery codes, shown this once. "
                + "400 invalid-two-factor-code; 409 two-factor-already-enabled.");
        api.MapPost("/account/two-factor/recovery-codes", RenewRecoveryCodesAsync).WithName("RenewOwnRecoveryCodes")
            .WithSummary("New recovery codes for a current code ({ code }); the old ones stop working. 400 invalid-two-factor-code; 409 two-factor-not-enabled.");
        api.MapPost("/account/two-factor/disable", DisableTwoFactorAsync).WithName("DisableOwnTwoFactor")
            .WithSummary("Turns the own two-factor sign-in off with a current code ({ code }). 400 invalid-two-factor-code; "
                + "409 two-factor-not-enabled | two-factor-mandatory (Security:RequireTwoFactorForAdmins).");
        api.MapDelete("/users/{id}/two-factor", ResetTwoFactorAsync).WithName("ResetUserTwoFactor")
            .WithSummary("Removes two-factor sign-in from an account whose authenticator was lost (the administrator). 409 two-factor-not-enabled.");
        api.MapUserImportEndpoints();
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

        var account = new NewUser(request.UserName, request.Password, request.Role, request.ScopeUnitId,
            request.FullName, request.Position, request.Phone, request.Email, request.MustChangePassword ?? true);
        var outcome = await users.CreateAsync(caller, account, cancellationToken);
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

    private static async Task<IResult> UpdateAsync(
        string id, UpdateUserRequest request, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var edit = new AccountEdit(request.FullName, request.Position, request.Phone, request.Email, request.ScopeUnitId);
        return Answer(await users.UpdateAsync(ApiCaller.Of(context), id, edit, cancellationToken));
    }

    private static async Task<IResult> SetEmailAsync(string id, EmailRequest request, HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(await users.SetEmailAsync(ApiCaller.Of(context), id, request.Email, cancellationToken));

    private static async Task<IResult> EnableAsync(string id, HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(await users.EnableAsync(ApiCaller.Of(context), id, cancellationToken));

    private static async Task<IResult> GetOwnAsync(HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(await users.GetOwnAsync(ApiCaller.Of(context), cancellationToken));

    private static async Task<IResult> UpdateOwnAsync(OwnDetailsRequest request, HttpContext context, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(await users.UpdateOwnAsync(ApiCaller.Of(context), new OwnDetails(request.FullName, request.Phone, request.Email), cancellationToken));

    private static async Task<IResult> GetTwoFactorAsync(HttpContext context, TwoFactorEnrolment twoFactor, CancellationToken cancellationToken)
    {
        var outcome = await twoFactor.GetSetupAsync(ApiCaller.Of(context), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(TwoFactorSetupDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> EnableTwoFactorAsync(TwoFactorCodeRequest request, HttpContext context, TwoFactorEnrolment twoFactor, CancellationToken cancellationToken) =>
        Codes(await twoFactor.EnableAsync(ApiCaller.Of(context), request.Code, cancellationToken));

    private static async Task<IResult> RenewRecoveryCodesAsync(TwoFactorCodeRequest request, HttpContext context, TwoFactorEnrolment twoFactor, CancellationToken cancellationToken) =>
        Codes(await twoFactor.RenewRecoveryCodesAsync(ApiCaller.Of(context), request.Code, cancellationToken));

    private static async Task<IResult> DisableTwoFactorAsync(TwoFactorCodeRequest request, HttpContext context, TwoFactorEnrolment twoFactor, CancellationToken cancellationToken) =>
        Answer(await twoFactor.DisableAsync(ApiCaller.Of(context), request.Code, cancellationToken));

    private static async Task<IResult> ResetTwoFactorAsync(string id, HttpContext context, TwoFactorEnrolment twoFactor, CancellationToken cancellationToken) =>
        Answer(await twoFactor.ResetAsync(ApiCaller.Of(context), id, cancellationToken));

    private static IResult Codes(Application.Common.Outcome<TwoFactorCodes> outcome)
    {
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        // The codes exist in this answer only: no cache may keep them.
        return new NoStore(TypedResults.Ok(new RecoveryCodesDto(outcome.Value.RecoveryCodes)));
    }

    private sealed class NoStore(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static IResult Answer(Application.Common.Outcome<UserView> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(UserDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);

    private static async Task<IResult> ChangeOwnPasswordAsync(
        OwnPasswordRequest request, HttpContext context, UserAdministration users, CancellationToken cancellationToken)
    {
        var outcome = await users.ChangeOwnPasswordAsync(ApiCaller.Of(context), request.CurrentPassword, request.NewPassword, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : ApiProblems.Refusal(outcome.Error);
    }
}
