using System.Net;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// How the portal learns the address its visitors use. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// honoured only from the reverse proxies listed in <c>ForwardedHeaders:KnownProxies</c> (none by default: without a
/// proxy nobody may claim to be one), so behind a TLS proxy the request counts as HTTPS and cookies are
/// <c>Secure</c>. <c>Portal:PublicOrigin</c> (for example <c>https://phanbo.sotttt.gov.vn</c>) fixes the scheme and
/// host of every absolute address the portal writes (redirects, the sign-in page's return), whatever <c>Host</c>
/// header a request sent.
/// </summary>
internal static class PublicAddress
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string PublicOriginKey = "Portal:PublicOrigin";

    /// <summary>The configured proxies: a list (<c>KnownProxies:0</c>, <c>KnownProxies:1</c>) or one value separated by commas.</summary>
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(KnownProxiesKey);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return values.Select(v => IPAddress.TryParse(v, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesKey}: \"{v}\" is not an IP address.")).ToList();
    }

    /// <summary>The configured public origin, or null.</summary>
    public static Uri? PublicOrigin(IConfiguration configuration)
    {
        var value = configuration[PublicOriginKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var origin) && origin.Scheme is "http" or "https" && origin.AbsolutePath == "/"
            ? origin
            : throw new InvalidOperationException($"{PublicOriginKey}: \"{value}\" is not an origin such as https://phanbo.example.gov.vn.");
    }

    public static ForwardedHeadersOptions ForwardedHeaders(IReadOnlyList<IPAddress> proxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = proxies.Count,
        };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
            if (proxy.IsIPv4MappedToIPv6 || proxy.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                options.KnownProxies.Add(proxy.IsIPv4MappedToIPv6 ? proxy.MapToIPv4() : proxy.MapToIPv6());
            }
        }

        return options;
    }

    /// <summary>Puts the configured origin in place of what the request said.</summary>
    public static void Apply(HttpContext context, Uri origin)
    {
        context.Request.Scheme = origin.Scheme;
        context.Request.Host = HostString.FromUriComponent(origin);
    }
}
