using LicenseAllocation.Application.Identity;
using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Web.Auth;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<PortalUser> signIn, HttpContext context, ILogger<SignInManager<PortalUser>> logger) =>
        {
            logger.LogInformation("User {UserName} signed out", context.User.Identity?.Name);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
}
