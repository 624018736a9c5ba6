using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace LicenseAllocation.Web.Localization;

/// <summary>
/// Reads <c>Accept-Language</c> by language, not by exact culture: "en", "en-GB" or "en-US" all mean the portal's
/// English (en-US), "vi" its Vietnamese (vi-VN). The standard provider falls back only from a specific culture to its
/// parent, so a plain "en", which is what many clients send, would get Vietnamese.
/// </summary>
internal sealed class LanguageHeaderCultureProvider(IReadOnlyList<string> supported) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var header = httpContext.Request.Headers.AcceptLanguage;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var languages))
        {
            return NullProviderCultureResult;
        }

        foreach (var language in languages.Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? string.Empty;
            var prefix = tag.Split('-')[0];
            var culture = supported.FirstOrDefault(c => c.Equals(tag, StringComparison.OrdinalIgnoreCase))
                ?? supported.FirstOrDefault(c => c.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase));
            if (culture is not null)
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
            }
        }

        return NullProviderCultureResult;
    }
}
