using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>An account whose password the administrator set can do nothing but change it, on the portal and through the API.</summary>
public sealed class PasswordChangeTests : IAsyncLifetime
{
    private const string Given = "mật khẩu quản trị cấp";
    private const string Chosen = "bến Ninh Kiều chiều mưa";
    private readonly PortalFactory _portal = new();
    private HttpClient _admin = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _admin = await _portal.CreateAdminClientAsync();
        (await _admin.PostAsJsonAsync("/api/v1/users", new { userName = "kiem-tra-moi", password = Given, role = "Auditor" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _portal.DisposeAsync();
    }

    private async Task<HttpClient> BearerClientAsync(string password)
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _portal.TokenAsync("kiem-tra-moi", password));
        return client;
    }

    [Fact]
    public async Task The_api_refuses_everything_but_the_own_account_until_the_password_is_changed_then_serves_a_new_token()
    {
        using var client = await BearerClientAsync(Given);

        var refused = await client.GetAsync("/api/v1/plans", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = (await refused.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("password-change-required");
        problem.Detail.ShouldBe("Anh/chị cần đổi mật khẩu do quản trị viên cấp trước khi tiếp tục sử dụng cổng thông tin.");
        (await client.GetFromJsonAsync<OwnJson>("/api/v1/account", Ct))!.MustChangePassword.ShouldBeTrue();

        var wrong = await client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = "sai rồi sai rồi", newPassword = Chosen }, Ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("wrong-current-password");
        (await client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = Given, newPassword = Chosen }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The stamp changed with the password: the old token ends (at once, or within the minute of its last check, still
        // refused meanwhile), and a new one works everywhere.
        (await client.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        using var renewed = await BearerClientAsync(Chosen);
        (await renewed.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renewed.GetFromJsonAsync<OwnJson>("/api/v1/account", Ct))!.MustChangePassword.ShouldBeFalse();
    }

    [Fact]
    public async Task The_portal_sends_the_user_to_the_password_page_with_a_clear_message_and_then_where_they_were_going()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignInForm.PostAsync(browser, await SignInForm.TokenAsync(browser), "kiem-tra-moi", Given)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var held = await browser.GetAsync("/plans/1", Ct);
        held.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        held.Headers.Location!.ToString().ShouldBe("/account/password?ReturnUrl=%2Fplans%2F1");
        (await browser.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await SignInForm.PageTextAsync(await browser.GetAsync("/account/password?ReturnUrl=%2Fplans%2F1", Ct));
        page.ShouldContain("Anh/chị cần đổi mật khẩu do quản trị viên cấp trước khi tiếp tục sử dụng cổng thông tin.");

        var changed = await PostChangeAsync(browser, Given, Chosen, Chosen);

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        changed.Headers.Location!.ToString().ShouldBeOneOf("/plans/1", "http://localhost/plans/1");
        SignInForm.SetsTheAuthCookie(changed).ShouldBeTrue();
        (await browser.GetAsync("/plans/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_password_page_explains_a_refusal_and_keeps_the_user_there()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(browser, await SignInForm.TokenAsync(browser), "kiem-tra-moi", Given);

        var refused = await PostChangeAsync(browser, Given, Given, Given);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignInForm.PageTextAsync(refused)).ShouldContain("Mật khẩu mới phải khác mật khẩu hiện tại.");
        (await browser.GetAsync("/plans/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient browser, string current, string next, string again)
    {
        var token = await SignInForm.TokenAsync(browser, "/account/password");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password-change",
            ["__RequestVerificationToken"] = token,
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = again,
        });
        return await browser.PostAsync("/account/password?ReturnUrl=%2Fplans%2F1", content, Ct);
    }

    private sealed record OwnJson(string UserName, bool MustChangePassword);
}
