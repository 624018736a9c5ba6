using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>What every answer says about itself: security headers, no server banner, no circuit for anonymous visitors.</summary>
public sealed partial class ResponseHardeningTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/v1/plans")]
    [InlineData("/error")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path, Ct);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("default-src 'self'");
        policy.ShouldContain("object-src 'none'");
        policy.ShouldNotContain("unsafe-eval");
        Regex.IsMatch(policy, "script-src [^;]*'unsafe-inline'").ShouldBeFalse();
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_answer_and_the_nonce_changes_every_time()
    {
        using var client = portal.CreateClient();

        var first = await client.GetAsync("/account/login", Ct);
        var second = await client.GetAsync("/account/login", Ct);

        var nonce = Nonce(first);
        (await first.Content.ReadAsStringAsync(Ct)).ShouldContain($"<script type=\"importmap\" nonce=\"{nonce}\"");
        Nonce(second).ShouldNotBe(nonce);
    }

    [Fact]
    public void Kestrel_does_not_name_itself()
    {
        portal.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/error")]
    public async Task Anonymous_pages_are_static_and_open_no_circuit(string path)
    {
        using var client = portal.CreateClient();

        var page = await client.GetStringAsync(path, Ct);

        page.ShouldNotContain("\"type\":\"server\"");
    }

    [Fact]
    public async Task The_token_endpoint_issues_no_refresh_token()
    {
        using var client = portal.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.AdminPassword }, Ct);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        body.RootElement.TryGetProperty("refreshToken", out _).ShouldBeFalse();
        body.RootElement.GetProperty("tokenType").GetString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_and_which_operations_need_it()
    {
        using var client = portal.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        var paths = root.GetProperty("paths");
        paths.GetProperty("/api/v1/plans").GetProperty("get").GetProperty("security")[0].TryGetProperty("Bearer", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/auth/token").GetProperty("post").TryGetProperty("security", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_api_reference_is_for_signed_in_users_and_its_scripts_carry_the_nonce()
    {
        using var anonymous = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var admin = await portal.CreateAdminClientAsync();

        var refused = await anonymous.GetAsync("/api/docs", Ct);
        // The page itself is at /api/docs/ (a redirect from /api/docs, which drops the Authorization header).
        var page = await admin.GetAsync("/api/docs/", Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var nonce = Nonce(page);
        ScriptTag().Matches(html).ShouldNotBeEmpty();
        ScriptTag().Matches(html).ShouldAllBe(m => m.Value.Contains($"nonce=\"{nonce}\""));
    }

    [Fact]
    public async Task A_page_for_signed_in_users_sends_an_anonymous_visitor_to_sign_in_without_echoing_the_host()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/plans/1");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldNotContain("evil.example");
        response.Headers.Location!.OriginalString.ShouldStartWith("/account/login");
    }

    private static string Nonce(HttpResponseMessage response)
    {
        var nonce = NonceSource().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        return nonce;
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
