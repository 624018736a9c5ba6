using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>With <c>Security:RequireTwoFactorForAdmins</c>, an administrator does nothing before setting up two-factor sign-in.</summary>
public sealed class TwoFactorRequiredForAdminsTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new() { Settings = new Dictionary<string, string?> { ["Security:RequireTwoFactorForAdmins"] = "true" } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_api_answers_enrolment_required_until_the_administrator_has_enrolled_then_asks_for_the_code()
    {
        using var admin = await _portal.CreateAdminClientAsync();

        var refused = await admin.GetAsync("/api/v1/users", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = (await refused.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("two-factor-enrolment-required");
        problem.Detail.ShouldBe("Quản trị viên phải bật đăng nhập hai lớp trước khi tiếp tục sử dụng cổng thông tin.");

        var setup = (await admin.GetFromJsonAsync<SetupJson>("/api/v1/account/two-factor", Ct))!;
        setup.Mandatory.ShouldBeTrue();
        var key = Totp.SecretOf(setup.AuthenticatorUri);
        (await admin.PostAsJsonAsync("/api/v1/account/two-factor", new { code = Totp.Code(key) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var client = _portal.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.AdminPassword, code = Totp.Code(key) }, Ct);
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<TokenJson>(Ct))!.AccessToken);
        (await client.GetAsync("/api/v1/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var off = await client.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { code = Totp.Code(key) }, Ct);
        off.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await off.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("two-factor-mandatory");
    }

    [Fact]
    public async Task The_portal_holds_the_administrator_at_the_two_factor_page_with_the_reason()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignInForm.PostAsync(browser, await SignInForm.TokenAsync(browser), "admin", PortalFactory.AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var held = await browser.GetAsync("/admin/users", Ct);

        held.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        held.Headers.Location!.ToString().ShouldBe("/account/two-factor?ReturnUrl=%2Fadmin%2Fusers");
        var page = await SignInForm.PageTextAsync(await browser.GetAsync("/account/two-factor?ReturnUrl=%2Fadmin%2Fusers", Ct));
        page.ShouldContain("Quản trị viên phải bật đăng nhập hai lớp trước khi tiếp tục sử dụng cổng thông tin.");
        page.ShouldContain("<svg");
        page.ShouldContain("Khóa bí mật");
    }

    [Fact]
    public async Task On_the_page_a_wrong_code_is_explained_and_the_apps_code_turns_it_on_shows_the_recovery_codes_and_lets_the_administrator_go_on()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(browser, await SignInForm.TokenAsync(browser), "admin", PortalFactory.AdminPassword);
        var page = await SignInForm.PageTextAsync(await browser.GetAsync("/account/two-factor?ReturnUrl=%2Fadmin%2Fusers", Ct));
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"authenticator-secret\">([^<]+)<").Groups[1].Value;

        var wrong = await PostAsync(browser, page, Totp.WrongCode(key));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wrongPage = await SignInForm.PageTextAsync(wrong);
        wrongPage.ShouldContain("Mã xác thực không đúng hoặc đã hết hạn.");

        var right = await PostAsync(browser, wrongPage, Totp.Code(key));
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        SignInForm.SetsTheAuthCookie(right).ShouldBeTrue();
        var done = await SignInForm.PageTextAsync(right);
        done.ShouldContain("Đã bật đăng nhập hai lớp.");
        System.Text.RegularExpressions.Regex.Count(done, "data-testid=\"recovery-code\"").ShouldBe(10);
        (await browser.GetAsync("/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string code)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "two-factor-enable",
            ["__RequestVerificationToken"] = token,
            ["EnableInput.Code"] = code,
        });
        return await browser.PostAsync("/account/two-factor?ReturnUrl=%2Fadmin%2Fusers", content, Ct);
    }

    private sealed record SetupJson(bool Enabled, bool Mandatory, string AuthenticatorUri);

    private sealed record TokenJson(string AccessToken);
}
