using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Web.Auth;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a form post with the page's antiforgery token, from the portal's own pages (<see cref="CrossSiteRequestGuard"/>).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<PortalUser> signIn, HttpContext context, ILogger<SignInManager<PortalUser>> logger) =>
        {
            logger.LogInformation("User {UserName} signed out", LogText.Safe(context.User.Identity?.Name));
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
}
