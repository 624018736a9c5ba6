using System.Text.RegularExpressions;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// Sign-in with the province's OpenID Connect provider in a real browser: the button on the portal's sign-in page, the
/// provider's own login page (<c>oidc-provider</c> on Node.js, started for the test), and back to the portal in
/// Vietnamese, signed in as the portal's account with the role the portal gave it; a person the portal has no account
/// for is sent back to the portal's sign-in page and told so.
/// </summary>
public sealed class ProvinceSignInTests : IAsyncLifetime
{
    private const string ProviderPassword = "mật khẩu tài khoản của tỉnh";
    private const string Known = "can-bo-thanh-tra";
    private const string KnownFullName = "Trần Thị Bích Ngọc";
    private const string Unknown = "chua-co-tai-khoan";

    private OidcProviderServer _provider = default!;
    private PortalServer _portal = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The provider sends the browser back to an exact address, so the portal's port is chosen before either starts.
        var port = LoopbackPorts.Free();
        _provider = await OidcProviderServer.StartAsync(
            $"http://127.0.0.1:{port}/signin-oidc",
            new Dictionary<string, (string, IReadOnlyDictionary<string, string>)>
            {
                [Known] = (ProviderPassword, new Dictionary<string, string> { ["preferred_username"] = Known, ["name"] = KnownFullName }),
                [Unknown] = (ProviderPassword, new Dictionary<string, string> { ["preferred_username"] = Unknown }),
            },
            Ct);
        _portal = new PortalServer(port, new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = _provider.Authority,
            ["Authentication:Oidc:ClientId"] = OidcProviderServer.ClientId,
            ["Authentication:Oidc:ClientSecret"] = OidcProviderServer.ClientSecret,
        });
        _portal.BaseAddress.Port.ShouldBe(port);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new Caller(PortalServer.AdminUserName, PortalRole.ProvinceAdmin),
                new NewUser(Known, "mật khẩu riêng của cổng thông tin", nameof(PortalRole.Auditor), null, KnownFullName, "Thanh tra Sở", MustChangePassword: false),
                Ct);
            created.Succeeded.ShouldBeTrue();
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await PortalBrowser.LaunchChromiumAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task An_official_signs_in_at_the_provinces_page_and_comes_back_signed_in_with_the_role_the_portal_gave()
    {
        var page = await SignInAtTheProvinceAsync(Known, "/account");

        await Expect(page).ToHaveURLAsync(new Uri(_portal.BaseAddress, "/account").ToString());
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(Known);
        await Expect(page.GetByTestId("own-user-name")).ToHaveTextAsync(Known);
        await Expect(page.GetByTestId("own-account-facts")).ToContainTextAsync("Kiểm tra viên");
        await Expect(page.GetByTestId("own-position")).ToHaveTextAsync("Thanh tra Sở");
        await Expect(page.GetByLabel("Họ và tên")).ToHaveValueAsync(KnownFullName);
        await Expect(page.GetByTestId("own-last-sign-in")).ToHaveTextAsync(new Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tài khoản của tôi" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_person_the_portal_has_no_account_for_is_refused_on_the_portals_page_in_vietnamese()
    {
        var page = await SignInAtTheProvinceAsync(Unknown, "/account");

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(_portal.BaseAddress, "/account/login").ToString())));
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync(
            "Thư mục của tỉnh đã xác nhận anh/chị, nhưng cổng thông tin chưa có tài khoản với tên đăng nhập này. Đề nghị quản trị viên của Sở tạo tài khoản và phân quyền.");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        await page.GotoAsync("/account");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    /// <summary>
    /// On a fresh Vietnamese page: the portal's sign-in page (asking for <paramref name="returnPath"/>), its province
    /// button, then the provider's own login page filled in with <paramref name="userName"/> and its password.
    /// </summary>
    private async Task<IPage> SignInAtTheProvinceAsync(string userName, string returnPath)
    {
        var context = await _browser.NewContextAsync(PortalBrowser.ContextOptions(_portal.BaseAddress));
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnPath));
        await Expect(page.GetByTestId("login-province")).ToHaveTextAsync("Đăng nhập bằng tài khoản của tỉnh");

        await page.GetByTestId("login-province").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(_provider.Authority) + "/interaction/"));
        await page.Locator("input[name=login]").FillAsync(userName);
        await page.Locator("input[name=password]").FillAsync(ProviderPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        return page;
    }
}
