using System.Security.Cryptography;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// The headers every answer carries. The content security policy lets scripts run only from the portal itself or
/// with this response's nonce (the import map Blazor writes inline carries it), allows inline styles (MudBlazor sets
/// style attributes), connects only back to the portal (the circuit's WebSocket) and forbids framing: Blazor adds
/// <c>frame-ancestors</c> itself only while WebSocket compression is on, and the portal turns compression off. The
/// API reference page alone may also evaluate code: the Scalar bundle calls eval as it starts.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "LicenseAllocation.CspNonce";

    /// <summary>This response's script nonce (made on first use).</summary>
    public static string NonceOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        // Hexadecimal: no character an HTML attribute would encode (a "+" becomes &#x2B;).
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <param name="nonce">This response's script nonce.</param>
    /// <param name="evaluates">For the API reference only: its bundle calls <c>eval</c>.</param>
    public static string ContentSecurityPolicy(string nonce, bool evaluates = false) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'{(evaluates ? " 'unsafe-eval'" : string.Empty)}; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>Adds the headers as the response starts, so error pages and problem details carry them too.</summary>
    public static void Add(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(
                NonceOf(http), http.Request.Path.StartsWithSegments(ApiReference.Path, StringComparison.OrdinalIgnoreCase));
            return Task.CompletedTask;
        }, context);
    }
}
