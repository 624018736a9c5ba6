using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using Microsoft.AspNetCore.Identity;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

internal static class AuthEndpoints
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name and password for a bearer token ({ accessToken, expiresIn }).");
        return api;
    }

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PortalMetrics metrics, ILogger<TokenRequest> logger)
    {
        var user = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName);
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            logger.LogWarning("API sign-in failed for {UserName}: unknown user", request.UserName);
            metrics.SignInFailed("api", "invalid-credentials");
            return InvalidCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut && UserAdministration.IsDisabled(user.LockoutEnd))
        {
            logger.LogWarning("API sign-in refused for {UserName}: account disabled", user.UserName);
            metrics.SignInFailed("api", "account-disabled");
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "account-disabled", ApiText.AccountDisabled);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("API sign-in refused for {UserName}: locked out", user.UserName);
            metrics.SignInFailed("api", "locked-out");
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "locked-out", ApiText.LockedOut);
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("API sign-in failed for {UserName}: wrong password", user.UserName);
            metrics.SignInFailed("api", "invalid-credentials");
            return InvalidCredentials();
        }

        logger.LogInformation("API token issued to {UserName}", user.UserName);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        // The bearer handler writes { tokenType, accessToken, expiresIn, refreshToken }.
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static IResult InvalidCredentials() => ApiProblems.Problem(
        StatusCodes.Status401Unauthorized, "invalid-credentials", ApiText.InvalidCredentials);
}
