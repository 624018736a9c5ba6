using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>
/// Two-factor sign-in through the API and the form, with the codes an authenticator app computes (RFC 6238) from the
/// key the portal gave.
/// </summary>
public sealed class TwoFactorSignInTests : IAsyncLifetime
{
    private const string User = "kiem-tra-hai-lop";
    private const string Password = "bến Ninh Kiều chiều mưa";
    private readonly PortalFactory _portal = new();
    private HttpClient _admin = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _admin = await _portal.CreateAdminClientAsync();
        (await _admin.PostAsJsonAsync("/api/v1/users", new { userName = User, password = Password, role = "Auditor", mustChangePassword = false }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task With_two_factor_on_the_token_endpoint_asks_for_the_code_refuses_a_wrong_one_and_accepts_the_apps()
    {
        var (key, _) = await EnrolAsync();

        var missing = await TokenAsync(null);
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var asked = (await missing.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        asked.Code.ShouldBe("two-factor-required");
        asked.Detail.ShouldBe("Tài khoản này đăng nhập bằng hai lớp: nhập mã 6 chữ số trên ứng dụng xác thực (hoặc một mã khôi phục).");

        var wrong = await TokenAsync(Totp.WrongCode(key));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-two-factor-code");

        var accepted = await TokenAsync(Totp.Code(key));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var client = Bearer((await accepted.Content.ReadFromJsonAsync<TokenJson>(Ct))!.AccessToken);
        (await client.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_authenticator_code_that_signed_in_once_is_refused_when_sent_again_within_its_window()
    {
        var (key, _) = await EnrolAsync();
        var code = Totp.Code(key);
        (await TokenAsync(code)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var replayed = await TokenAsync(code);

        replayed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replayed.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-two-factor-code");
        // The app's next code, already within the window, is a new one and signs in.
        var next = Totp.Code(key, stepOffset: 1);
        (await TokenAsync(next)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenAsync(next)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_with_a_right_code_is_refused_as_any_wrong_password()
    {
        var (key, _) = await EnrolAsync();

        using var response = await _portal.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = User, password = "không phải mật khẩu", code = Totp.Code(key) }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-credentials");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var (_, codes) = await EnrolAsync();

        (await TokenAsync(codes[0].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await TokenAsync(codes[0]);

        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await again.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-two-factor-code");
        (await TokenAsync(codes[1])).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords_even_sent_in_parallel()
    {
        var (key, _) = await EnrolAsync();

        var guesses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => TokenAsync(((int.Parse(Totp.WrongCode(key), System.Globalization.CultureInfo.InvariantCulture) + (i * 7919)) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))));
        guesses.Count(g => g.StatusCode == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(1); // a guess may, one in a million, be the code

        // Five failures lock the account: the right password and the app's code are then refused too, as any locked account.
        var locked = await TokenAsync(Totp.Code(key));
        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-credentials");
    }

    [Fact]
    public async Task The_form_asks_for_the_code_after_the_password_and_signs_in_with_it()
    {
        var (key, _) = await EnrolAsync();
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await SignInForm.PostAsync(browser, await SignInForm.TokenAsync(browser), User, Password, "/account/login?ReturnUrl=%2Faudit");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        SignInForm.SetsTheAuthCookie(first).ShouldBeFalse();
        var page = await SignInForm.PageTextAsync(first);
        page.ShouldContain("Tài khoản này đăng nhập hai lớp. Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số");
        page.ShouldNotContain(Password);

        var wrong = await PostCodeAsync(browser, page, Totp.WrongCode(key));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        SignInForm.SetsTheAuthCookie(wrong).ShouldBeFalse();
        var wrongPage = await SignInForm.PageTextAsync(wrong);
        wrongPage.ShouldContain("Mã xác thực không đúng hoặc đã hết hạn.");

        var right = await PostCodeAsync(browser, wrongPage, Totp.Code(key));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().ShouldBeOneOf("/audit", "http://localhost/audit");
        SignInForm.SetsTheAuthCookie(right).ShouldBeTrue();
        (await browser.GetAsync("/api/v1/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_code_step_without_the_password_step_signs_no_one_in()
    {
        var (key, _) = await EnrolAsync();
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync("/account/login", Ct);

        var response = await PostCodeAsync(browser, page, Totp.Code(key));

        SignInForm.SetsTheAuthCookie(response).ShouldBeFalse();
        (await SignInForm.PageTextAsync(response)).ShouldContain("Đã quá thời gian nhập mã. Anh/chị đăng nhập lại bằng mật khẩu.");
    }

    [Fact]
    public async Task The_administrator_removes_two_factor_and_the_account_signs_in_with_its_password_again()
    {
        await EnrolAsync();
        var id = (await _admin.GetFromJsonAsync<List<UserJson>>("/api/v1/users", Ct))!.Single(u => u.UserName == User).Id;

        (await _admin.DeleteAsync($"/api/v1/users/{id}/two-factor", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await TokenAsync(null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await _admin.DeleteAsync($"/api/v1/users/{id}/two-factor", Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("two-factor-not-enabled");
    }

    /// <summary>Turns two-factor on through the API as a tool would: the key, the app's code, the recovery codes.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync()
    {
        using var client = Bearer(await _portal.TokenAsync(User, Password));
        var setup = (await client.GetFromJsonAsync<SetupJson>("/api/v1/account/two-factor", Ct))!;
        setup.Enabled.ShouldBeFalse();
        var key = Totp.SecretOf(setup.AuthenticatorUri!);
        var enabled = await client.PostAsJsonAsync("/api/v1/account/two-factor", new { code = Totp.Code(key) }, Ct);
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        enabled.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var codes = (await enabled.Content.ReadFromJsonAsync<CodesJson>(Ct))!.RecoveryCodes;
        codes.Count.ShouldBe(10);
        return (key, codes);
    }

    private async Task<HttpResponseMessage> TokenAsync(string? code) =>
        await _portal.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = User, password = Password, code }, Ct);

    private HttpClient Bearer(string token)
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpResponseMessage> PostCodeAsync(HttpClient browser, string page, string code)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-code",
            ["__RequestVerificationToken"] = token,
            ["CodeInput.Code"] = code,
        });
        return await browser.PostAsync("/account/login?ReturnUrl=%2Faudit", content, Ct);
    }

    private sealed record TokenJson(string AccessToken);

    private sealed record SetupJson(bool Enabled, bool Mandatory, string? SharedKey, string? AuthenticatorUri, int RecoveryCodesLeft);

    private sealed record CodesJson(IReadOnlyList<string> RecoveryCodes);

    private sealed record UserJson(string Id, string UserName);
}
