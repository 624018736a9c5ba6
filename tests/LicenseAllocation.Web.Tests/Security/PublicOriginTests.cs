using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>With <c>Portal:PublicOrigin</c> set, the addresses the portal writes use it, whatever Host a request sent.</summary>
public sealed class PublicOriginTests : IAsyncLifetime
{
    private const string PublicOrigin = "https://phanbo.example.gov.vn";

    private readonly PortalFactory _portal = new() { Settings = new Dictionary<string, string?> { ["Portal:PublicOrigin"] = PublicOrigin } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task After_signing_in_the_browser_is_sent_to_the_public_origin_not_to_the_host_it_named()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var token = await SignInForm.TokenAsync(browser, "/account/login?ReturnUrl=%2Fplans%2F1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login?ReturnUrl=%2Fplans%2F1")
        {
            Content = SignInForm.Fields(token, "admin", PortalFactory.AdminPassword),
        };
        request.Headers.Host = "evil.example";

        var response = await browser.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(PublicOrigin + "/plans/1");
    }
}
