using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace LicenseAllocation.Web.Localization;

/// <summary>Vietnamese first, English available: the culture comes from the language cookie, then the browser, then Vietnamese.</summary>
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
        // Pages are Vietnamese unless the reader picks English (query string or the language switch's cookie): officials'
        // browsers are often set to English. API clients choose with Accept-Language, as HTTP intends.
        var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? acceptLanguage.DetermineProviderCultureResult(context)
                    : Task.FromResult<ProviderCultureResult?>(null)),
        ];
        acceptLanguage.Options = options;
        return options;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Maps the language switch to a cookie the localization middleware reads.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/set", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (Supported.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            // Only a local path: the switch must not become an open redirect.
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
}
