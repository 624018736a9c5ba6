using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>
/// Sign-in with the province's OpenID Connect provider, against a real one (<c>oidc-provider</c> on Node.js) started
/// for the test, walked through as a browser does (each redirect followed, the provider's login form posted, cookies
/// kept on both sides): the provider proves who the person is, the portal's account decides the role; a person the
/// portal does not know gets no account.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private const string ProviderPassword = "mật khẩu tài khoản của tỉnh";
    private const string Known = "can-bo-cao-lanh";
    private const string Unknown = "chua-co-tai-khoan";
    private OidcProviderServer _provider = default!;
    private PortalFactory _portal = default!;
    private HttpClient _admin = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await OidcProviderServer.StartAsync(
            "http://localhost/signin-oidc",
            new Dictionary<string, (string, IReadOnlyDictionary<string, string>)>
            {
                [Known] = (ProviderPassword, new Dictionary<string, string> { ["preferred_username"] = Known, ["name"] = "Nguyễn Văn A" }),
                [Unknown] = (ProviderPassword, new Dictionary<string, string> { ["preferred_username"] = Unknown }),
            },
            Ct);
        _portal = Portal(_provider.Authority);
        _admin = await _portal.CreateAdminClientAsync();
        (await _admin.PostAsJsonAsync("/api/v1/users", new { userName = Known, password = "mật khẩu riêng của cổng", role = "Auditor", mustChangePassword = false }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_person_the_province_knows_signs_in_to_the_portals_account_with_its_role_and_the_sign_in_is_recorded()
    {
        using var browser = Browser(_portal);
        (await browser.GetStringAsync("/account/login", Ct)).ShouldContain("Đăng nhập bằng tài khoản của tỉnh");

        var back = await RoundTripAsync(browser, Known, ProviderPassword, "/audit");

        back.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin-oidc");
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        SignInForm.SetsTheAuthCookie(back).ShouldBeTrue();
        var moveOn = await SignInForm.PageTextAsync(back);
        moveOn.ShouldContain("<meta http-equiv=\"refresh\" content=\"0;url=/audit\">", customMessage: moveOn);
        (await browser.GetAsync("/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var account = (await browser.GetFromJsonAsync<AccountJson>("/api/v1/account", Ct))!;
        account.UserName.ShouldBe(Known);
        account.Role.ShouldBe("Auditor");
        account.LastSignInAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_person_the_province_knows_but_the_portal_does_not_is_told_so_and_given_no_account()
    {
        using var browser = Browser(_portal);

        var back = await RoundTripAsync(browser, Unknown, ProviderPassword);

        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInForm.SetsTheAuthCookie(back).ShouldBeFalse();
        var page = await browser.GetAsync(back.Headers.Location, Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignInForm.PageTextAsync(page)).ShouldContain("Thư mục của tỉnh đã xác nhận anh/chị, nhưng cổng thông tin chưa có tài khoản với tên đăng nhập này.");
        (await _admin.GetFromJsonAsync<List<AccountJson>>("/api/v1/users", Ct))!.ShouldNotContain(u => u.UserName == Unknown);
        (await browser.GetAsync("/api/v1/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_at_the_province_never_reaches_the_portal()
    {
        using var browser = Browser(_portal);

        var answer = await RoundTripAsync(browser, Known, "không phải mật khẩu này");

        answer.RequestMessage!.RequestUri!.Host.ShouldBe("127.0.0.1");
        (await answer.Content.ReadAsStringAsync(Ct)).ShouldContain("Sai tên đăng nhập hoặc mật khẩu");
        (await browser.GetAsync("/api/v1/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _admin.GetFromJsonAsync<List<AccountJson>>("/api/v1/users", Ct))!.Single(u => u.UserName == Known).LastSignInAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_disabled_account_is_refused_though_the_province_knows_the_person()
    {
        var id = (await _admin.GetFromJsonAsync<List<AccountJson>>("/api/v1/users", Ct))!.Single(u => u.UserName == Known).Id;
        (await _admin.PostAsync($"/api/v1/users/{id}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var browser = Browser(_portal);

        var back = await RoundTripAsync(browser, Known, ProviderPassword);

        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInForm.SetsTheAuthCookie(back).ShouldBeFalse();
        (await SignInForm.PageTextAsync(await browser.GetAsync(back.Headers.Location, Ct)))
            .ShouldContain("Tài khoản của anh/chị trên cổng thông tin đang bị khóa hoặc đã bị vô hiệu hóa");
        (await browser.GetAsync("/api/v1/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_account_with_two_factor_still_gives_its_code_after_the_province_proved_the_person()
    {
        using var own = _portal.CreateClient();
        own.DefaultRequestHeaders.Authorization = new("Bearer", await _portal.TokenAsync(Known, "mật khẩu riêng của cổng"));
        var setup = (await own.GetFromJsonAsync<SetupJson>("/api/v1/account/two-factor", Ct))!;
        var key = Totp.SecretOf(setup.AuthenticatorUri!);
        (await own.PostAsJsonAsync("/api/v1/account/two-factor", new { code = Totp.Code(key) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var browser = Browser(_portal);

        var back = await RoundTripAsync(browser, Known, ProviderPassword, "/audit");

        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInForm.SetsTheAuthCookie(back).ShouldBeFalse();
        var step = back.Headers.Location!.ToString();
        step.ShouldBe("/account/login?step=code&ReturnUrl=%2Faudit");
        var page = await SignInForm.PageTextAsync(await browser.GetAsync(step, Ct));
        page.ShouldContain("Tài khoản này đăng nhập hai lớp.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-code",
            ["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["CodeInput.Code"] = Totp.Code(key),
        });
        var signedIn = await browser.PostAsync(step, form, Ct);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInForm.SetsTheAuthCookie(signedIn).ShouldBeTrue();
        (await browser.GetAsync("/api/v1/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task When_the_province_does_not_answer_the_sign_in_page_says_so_instead_of_failing()
    {
        await using var portal = Portal($"http://127.0.0.1:{LoopbackPorts.Free()}");
        using var browser = Browser(portal);

        var start = await browser.GetAsync("/account/login/oidc?returnUrl=%2Faudit", Ct);

        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.ToString().ShouldStartWith("/account/login?refusal=identity-provider-unavailable");
        var page = await browser.GetAsync(start.Headers.Location, Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignInForm.PageTextAsync(page)).ShouldContain("Không kết nối được trang đăng nhập của tỉnh.");
    }

    [Fact]
    public async Task Without_the_provider_configured_the_sign_in_page_offers_passwords_only()
    {
        await using var portal = new PortalFactory();
        using var browser = Browser(portal);

        (await browser.GetStringAsync("/account/login", Ct)).ShouldNotContain("Đăng nhập bằng tài khoản của tỉnh");
        (await browser.GetAsync("/account/login/oidc", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static PortalFactory Portal(string authority) => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = authority,
            ["Authentication:Oidc:ClientId"] = OidcProviderServer.ClientId,
            ["Authentication:Oidc:ClientSecret"] = OidcProviderServer.ClientSecret,
        },
    };

    private static HttpClient Browser(PortalFactory portal) => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// The button's address, then every redirect as a browser follows it (the portal's through <paramref name="browser"/>,
    /// the provider's through a client of its own with its cookies), the provider's login form posted once with the
    /// given name and password; the portal's answer at its return address, or the provider's that is not a redirect.
    /// </summary>
    private static async Task<HttpResponseMessage> RoundTripAsync(HttpClient browser, string userName, string password, string returnUrl = "/")
    {
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var response = await browser.GetAsync("/account/login/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl), Ct);
        var posted = false;
        for (var hop = 0; hop < 12; hop++)
        {
            var at = response.RequestMessage!.RequestUri!;
            if (at.Host == "localhost" && at.AbsolutePath == "/signin-oidc")
            {
                return response;
            }

            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
            {
                var next = new Uri(at, response.Headers.Location!);
                response = await (next.Host == "localhost" ? browser : provider).GetAsync(next, Ct);
                continue;
            }

            if (!posted && at.Host != "localhost" && at.AbsolutePath.StartsWith("/interaction/", StringComparison.Ordinal))
            {
                posted = true;
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = userName, ["password"] = password });
                response = await provider.PostAsync(new Uri(at, at.AbsolutePath + "/login"), form, Ct);
                continue;
            }

            return response;
        }

        throw new InvalidOperationException("the sign-in went round in circles");
    }

    private sealed record SetupJson(string? AuthenticatorUri);

    private sealed record AccountJson(string Id, string UserName, string? Role, DateTimeOffset? LastSignInAt);
}
