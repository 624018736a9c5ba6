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
/// An administrator who must but has not yet set up two-factor sign-in (<c>Security:RequireTwoFactorForAdmins</c>,
/// <see cref="EnrolmentClaim"/>) is held the same way at <c>/account/two-factor</c>, and the API answers 403
/// <c>two-factor-enrolment-required</c> except for the own account and its two-factor calls.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string Claim = "password_change_required";

    public const string PagePath = "/account/password";

    public const string EnrolmentClaim = "two_factor_enrolment_required";

    public const string EnrolmentPagePath = "/account/two-factor";

    private const string EnrolmentApiPath = "/api/v1/account/two-factor";

    private static readonly string[] _pagePaths = [PagePath, "/account/logout", "/account/login", "/culture/set", "/healthz", "/_framework", "/_content", "/error"];

    private static readonly string[] _apiPaths = ["/api/v1/account/password", "/api/v1/account", "/api/v1/auth/token"];

    private static readonly string[] _enrolmentPagePaths = [EnrolmentPagePath, "/account/logout", "/account/login", "/culture/set", "/healthz", "/_framework", "/_content", "/error"];

    private static readonly string[] _enrolmentApiPaths = ["/api/v1/account/two-factor", "/api/v1/account", "/api/v1/auth/token"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true } && context.User.HasClaim(Claim, "true") && !Admitted(context.Request, _pagePaths, _apiPaths))
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

        if (context.User.Identity is { IsAuthenticated: true } && context.User.HasClaim(EnrolmentClaim, "true")
            && !Admitted(context.Request, _enrolmentPagePaths, _enrolmentApiPaths))
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await ApiProblems.Refusal(AllocationError.TwoFactorEnrolmentRequired()).ExecuteAsync(context);
                return;
            }

            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(EnrolmentPagePath + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl.ToString()));
            return;
        }

        await next(context);
    }

    /// <summary>The message the password page shows when the change is required, in the reader's language.</summary>
    public static string Message(CultureInfo culture) => RefusalMessages.Describe(AllocationError.PasswordChangeRequired(), culture);

    /// <summary>What the two-factor page says to an administrator who must set it up, in the reader's language.</summary>
    public static string EnrolmentMessage(CultureInfo culture) => RefusalMessages.Describe(AllocationError.TwoFactorEnrolmentRequired(), culture);

    private static bool Admitted(HttpRequest request, string[] pagePaths, string[] apiPaths)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // The two-factor calls are admitted with everything under them; the password's only exactly.
            return apiPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
                || (apiPaths == _enrolmentApiPaths && path.StartsWithSegments(EnrolmentApiPath, StringComparison.OrdinalIgnoreCase));
        }

        // Static assets (the stylesheet, scripts, fonts of the password page) have a file extension.
        return pagePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || Path.HasExtension(path.Value);
    }
}
