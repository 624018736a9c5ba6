using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicenseAllocation.Web.Tests.Access;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>
/// A signed-in browser cannot be made to change anything by another site: posts signed in by the cookie need the
/// portal's own origin and the antiforgery token of a page it rendered.
/// </summary>
public sealed partial class CrossSiteRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Evil = "https://evil.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_out_from_another_site_is_refused_and_the_session_goes_on()
    {
        using var browser = await SignedInBrowserAsync();
        var token = await LogoutTokenAsync(browser);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = Antiforgery(token) };
        request.Headers.Add("Origin", Evil);

        var response = await browser.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("cross-site-request");
        (await browser.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_of_the_page_and_works_with_it()
    {
        using var browser = await SignedInBrowserAsync();

        var withoutToken = await browser.PostAsync("/account/logout", null, Ct);
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await withoutToken.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("cross-site-request");
        (await browser.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = Antiforgery(await LogoutTokenAsync(browser)) };
        sameSite.Headers.Add("Origin", "http://localhost");
        var signedOut = await browser.SendAsync(sameSite, Ct);

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().ShouldBe("/account/login");
    }

    [Theory]
    [InlineData(Evil)]
    [InlineData(null)]
    public async Task An_import_posted_with_the_cookie_from_another_site_or_without_a_token_is_refused(string? origin)
    {
        using var browser = await SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/1/imports?dryRun=true") { Content = EndpointCatalog.TemplateUpload(1) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await browser.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("cross-site-request");
    }

    [Fact]
    public async Task A_sign_in_form_posted_from_another_site_is_refused()
    {
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await SignInForm.TokenAsync(browser);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = SignInForm.Fields(token, "admin", PortalFactory.AdminPassword) };
        request.Headers.Referrer = new Uri(Evil + "/trang-gia");

        var response = await browser.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        SignInForm.SetsTheAuthCookie(response).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bearer_client_is_not_asked_for_an_antiforgery_token()
    {
        using var admin = await portal.CreateAdminClientAsync();

        var response = await admin.PostAsync("/api/v1/plans/1/imports?dryRun=true", EndpointCatalog.TemplateUpload(1), Ct);

        response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
    }

    private async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SignInForm.PostAsync(browser, await SignInForm.TokenAsync(browser), "admin", PortalFactory.AdminPassword);
        SignInForm.SetsTheAuthCookie(response).ShouldBeTrue();
        return browser;
    }

    /// <summary>The token of the sign-out form in the bar of a page the signed-in user was given.</summary>
    private static async Task<string> LogoutTokenAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/", Ct);
        var token = LogoutForm().Match(page).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    private static FormUrlEncodedContent Antiforgery(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    [GeneratedRegex("action=\"/account/logout\">.*?name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex LogoutForm();
}
