using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Web.Api;
using LicenseAllocation.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// Cross-site request forgery is refused on its own grounds, not only by the cookie's SameSite: a state-changing
/// request whose <c>Origin</c> (or, without one, <c>Referer</c>) is another site is answered 403
/// <c>cross-site-request</c>, and one that the auth cookie signs in must also carry the antiforgery token of a page the
/// portal rendered (the sign-out form does; API clients use bearer tokens, which a browser never sends by itself).
/// The circuit's own endpoints under <c>/_blazor</c> are checked for their origin only.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery, ILogger<CrossSiteRequestGuard> logger)
{
    public const string Code = "cross-site-request";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method) || PortalAuthentication.IsBearerRequest(context))
        {
            await next(context);
            return;
        }

        if (ForeignSource(request) is { } source)
        {
            logger.LogWarning("Cross-site {Method} {Path} from {Source} refused", request.Method, LogText.Safe(request.Path.Value), LogText.Safe(source));
            await RefuseAsync(context);
            return;
        }

        if (context.User.Identity is { IsAuthenticated: true } && !request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(context))
        {
            logger.LogWarning("{Method} {Path} of {UserName} refused: no valid antiforgery token", request.Method, LogText.Safe(request.Path.Value),
                LogText.Safe(context.User.Identity.Name));
            await RefuseAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>The origin the request says it came from when that is not this portal; null when it is, or when it says nothing.</summary>
    private static string? ForeignSource(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host.Value}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : origin;
        }

        var referer = request.Headers.Referer.ToString();
        if (referer.Length == 0)
        {
            return null;
        }

        return Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            && string.Equals(uri.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase) ? null : referer;
    }

    private static Task RefuseAsync(HttpContext context) =>
        ApiProblems.Problem(StatusCodes.Status403Forbidden, Code, RefusalMessages.OfCode(Code, CultureInfo.CurrentUICulture)).ExecuteAsync(context);
}
