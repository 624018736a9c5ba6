using System.Text;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// Where the sign-in page and the language switch may send the browser back to: a path of this portal only. Anything
/// else (another host, <c>//host</c>, <c>/\host</c>, control characters) becomes <c>/</c>; letters outside ASCII are
/// percent-encoded so that the redirect's <c>Location</c> header can carry them.
/// </summary>
internal static class LocalUrls
{
    public static string Safe(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl))
        {
            return "/";
        }

        var target = returnUrl.StartsWith('/') ? returnUrl : "/" + returnUrl;
        if (target.Length > 1 && target[1] is '/' or '\\')
        {
            return "/";
        }

        var builder = new StringBuilder(target.Length);
        foreach (var rune in target.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value == '\\')
            {
                return "/";
            }

            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                builder.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return builder.ToString();
    }
}
