using System.Net;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>
/// Behind a TLS proxy listed in <c>ForwardedHeaders:KnownProxies</c> the portal knows it is served over HTTPS: its
/// cookies are Secure and it sends HSTS. Another address claiming to be a proxy is not believed.
/// </summary>
public sealed class ForwardedProtoTests : IAsyncLifetime
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.20.30.40");

    private readonly PortalFactory _portal = new()
    {
        Settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = Proxy.ToString() },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Behind_the_known_proxy_the_sign_in_cookies_are_secure_and_hsts_is_sent()
    {
        var form = await SendAsync(Proxy, "GET", "/account/login", cookies: null, body: null);
        var antiforgeryCookie = Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await ReadAsync(form), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var signedIn = await SendAsync(Proxy, "POST", "/account/login", antiforgeryCookie.Split(';')[0],
            $"_handler=login&__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.UserName=admin&Input.Password={Uri.EscapeDataString(PortalFactory.AdminPassword)}");

        antiforgeryCookie.ShouldContain("secure", Case.Insensitive);
        form.Response.Headers.StrictTransportSecurity.ToString().ShouldContain("max-age=");
        signedIn.Response.StatusCode.ShouldBe(StatusCodes.Status302Found);
        Cookies(signedIn).Single(c => c.StartsWith("LicenseAllocation.Auth=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task Another_address_claiming_https_is_not_believed()
    {
        var form = await SendAsync(IPAddress.Parse("10.9.9.9"), "GET", "/account/login", cookies: null, body: null);

        Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ShouldNotContain("secure", Case.Insensitive);
        form.Response.Headers.StrictTransportSecurity.ToString().ShouldBeEmpty();
    }

    private Task<HttpContext> SendAsync(IPAddress from, string method, string path, string? cookies, string? body) =>
        _portal.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Method = method;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("phanbo.example.gov.vn");
            context.Request.Path = path;
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            if (cookies is not null)
            {
                context.Request.Headers.Cookie = cookies;
            }

            if (body is not null)
            {
                context.Request.ContentType = "application/x-www-form-urlencoded";
                context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
            }
        }, Ct);

    private static IEnumerable<string> Cookies(HttpContext context) =>
        context.Response.Headers.SetCookie.Where(c => c is not null).Select(c => c!).DefaultIfEmpty(string.Empty);

    private static async Task<string> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync(Ct);
    }
}
