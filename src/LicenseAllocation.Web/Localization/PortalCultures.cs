using System.Globalization;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Security;
using Microsoft.AspNetCore.Localization;

namespace LicenseAllocation.Web.Localization;

/// <summary>
/// Vietnamese first, English available. The standard request-localization middleware picks the culture for pages
/// and the API alike: <c>?culture=</c>, then the language switch's cookie, then <c>Accept-Language</c>, then Vietnamese.
/// </summary>
internal static class PortalCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    public static readonly string[] Supported = [Vietnamese, English];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Vietnamese)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.ApplyCurrentCultureToResponseHeaders = true;
        // "en" or "en-GB" from a browser becomes en-US, "vi" becomes vi-VN, instead of falling back to the default.
        var header = options.RequestCultureProviders.OfType<AcceptLanguageHeaderRequestCultureProvider>().Single();
        options.RequestCultureProviders[options.RequestCultureProviders.IndexOf(header)] = new LanguageHeaderCultureProvider(Supported);
        return options;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Maps the language switch to a cookie the localization middleware reads, and to the account's language for its e-mails.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/set", async (string culture, string? returnUrl, HttpContext context, TimeProvider clock, UserAdministration users) =>
        {
            if (Supported.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
                // A signed-in user's e-mails follow the language they chose.
                if (Callers.FromPrincipal(context.User) is { } caller)
                {
                    await users.SetOwnLanguageAsync(caller, culture[..2], context.RequestAborted);
                }
            }

            // Only a local path: the switch must not become an open redirect.
            return Results.LocalRedirect(LocalUrls.Safe(returnUrl));
        }).ExcludeFromDescription();
}
