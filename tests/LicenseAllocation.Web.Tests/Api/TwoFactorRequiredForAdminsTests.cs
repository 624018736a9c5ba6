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

    private sealed record SetupJson(bool Enabled, bool Mandatory, string AuthenticatorUri);

    private sealed record TokenJson(string AccessToken);
}
