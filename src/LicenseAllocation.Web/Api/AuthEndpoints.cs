using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

internal static class AuthEndpoints
{
    /// <summary>A user name and password, and for an account with two-factor sign-in its code.</summary>
    /// <param name="UserName">The account's user name.</param>
    /// <param name="Password">Its password.</param>
    /// <param name="Code">For an account with two-factor sign-in: the current code of its authenticator app, or one of its recovery codes.</param>
    public sealed record TokenRequest(string? UserName, string? Password, string? Code = null);

    /// <summary>What the token endpoint answers: an access token only; there is no refresh token, a client signs in again.</summary>
    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name and password for a bearer token ({ tokenType, accessToken, expiresIn }). "
                + "401 invalid-credentials (whatever was wrong); for an account with two-factor sign-in, send the app's code (or a recovery "
                + "code) as code: 401 two-factor-required without it, 401 invalid-two-factor-code when it is wrong (counted towards the lockout); "
                + "With Authentication:Ldap:Url, a password the portal does not hold is checked by the province's directory: "
                + "403 no-portal-account when the directory knows the person but the portal has no account of that name, "
                + "503 directory-unavailable when it does not answer; 429 too-many-requests with Retry-After.");
        return api;
    }

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request,
        PortalSignIn portalSignIn,
        SignInManager<Application.Identity.PortalUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock,
        HttpContext context,
        ILogger<TokenRequest> logger)
    {
        var attempt = await portalSignIn.CheckAsync(request.UserName, request.Password, request.Code, "API", context.RequestAborted);
        switch (attempt.Verdict)
        {
            case SignInVerdict.TooManyAttempts:
                await PortalRateLimiting.WriteTooManyRequestsAsync(context, attempt.RetryAfter);
                return Results.Empty;
            case SignInVerdict.Refused:
                return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "invalid-credentials", ApiText.InvalidCredentials);
            case SignInVerdict.UnknownToPortal:
                return ApiProblems.Refusal(AllocationError.NoPortalAccount());
            case SignInVerdict.DirectoryUnavailable:
                return ApiProblems.Refusal(AllocationError.DirectoryUnavailable());
            case SignInVerdict.CodeRequired:
                return ApiProblems.Refusal(AllocationError.TwoFactorRequired());
            case SignInVerdict.CodeRefused:
                return ApiProblems.Problem(StatusCodes.Status401Unauthorized, AllocationErrorCode.InvalidTwoFactorCode.ApiCode(),
                    RefusalMessages.Describe(AllocationError.InvalidTwoFactorCode(), CultureInfo.CurrentUICulture));
        }

        var principal = await signIn.CreateUserPrincipalAsync(attempt.User!);
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var now = (options.TimeProvider ?? clock).GetUtcNow();
        // The ticket the bearer handler itself would write, protected by its own protector, so that it accepts it.
        var ticket = new AuthenticationTicket(
            principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration },
            $"{IdentityConstants.BearerScheme}:AccessToken");
        logger.LogInformation("API token issued to {UserName}", LogText.Safe(attempt.User!.UserName));
        return TypedResults.Ok(new TokenResponse("Bearer", options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds));
    }
}
