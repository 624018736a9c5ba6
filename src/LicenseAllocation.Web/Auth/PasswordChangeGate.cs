using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Api;

namespace LicenseAllocation.Web.Auth;

/// <summary>
/// An account whose password the administrator set (a new account, a reset) carries <see cref="Claim"/> until the user
/// has chosen their own. Until then the portal serves it only the password page, sign-out and the page's assets, and
/// the API only the own account and its password change: every other page redirects to <c>/account/password</c>, every
/// other API call answers 403 <c>password-change-required</c>. The claim comes from the account row whenever a
/// principal is made (sign-in, token, the cookie's revalidation every minute), so it cannot be kept after a change.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string Claim = "password_change_required";

    public const string PagePath = "/account/password";

    private static readonly string[] _pagePaths = [PagePath, "/account/logout", "/account/login", "/culture/set", "/healthz", "/_framework", "/_content", "/error"];

    private static readonly string[] _apiPaths = ["/api/v1/account/password", "/api/v1/account", "/api/v1/auth/token"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true } && context.User.HasClaim(Claim, "true") && !Admitted(context.Request))
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await ApiProblems.Refusal(AllocationError.PasswordChangeRequired()).ExecuteAsync(context);
                return;
            }

            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(PagePath + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl.ToString()));
            return;
        }

        await next(context);
    }

    /// <summary>The message the password page shows when the change is required, in the reader's language.</summary>
    public static string Message(CultureInfo culture) => RefusalMessages.Describe(AllocationError.PasswordChangeRequired(), culture);

    private static bool Admitted(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return _apiPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
        }

        // Static assets (the stylesheet, scripts, fonts of the password page) have a file extension.
        return _pagePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || Path.HasExtension(path.Value);
    }
}
