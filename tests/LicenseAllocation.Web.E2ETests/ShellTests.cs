using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>The frame around every page: signing in, the bar's links and the language switch, in a real browser.</summary>
public sealed class ShellTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task The_administrator_opens_user_management_from_the_bar_and_reads_it_in_English_after_switching()
    {
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);
        await Expect(page.GetByTestId("plan-status-1")).ToHaveTextAsync("Dự thảo");
        await PortalBrowser.UntilInteractiveAsync(page);

        await page.GetByTestId("nav-users").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(portal.Server.BaseAddress, "/admin/users").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Quản lý tài khoản");
        await Expect(page).ToHaveTitleAsync("Quản lý tài khoản");
        await Expect(page.GetByTestId("user-row-admin")).ToContainTextAsync("Quản trị cấp tỉnh");

        await page.GetByTestId("language-en").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(portal.Server.BaseAddress, "/admin/users").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("User management");
        await Expect(page.GetByTestId("user-row-admin")).ToContainTextAsync("Province administrator");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("nav-audit")).ToHaveTextAsync("Audit trail");

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_visitor_sent_to_sign_in_comes_back_to_the_page_asked_for()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByTestId("login-title")).ToHaveTextAsync("Đăng nhập hệ thống phân bổ bản quyền");
        await page.GetByTestId("login-username").FillAsync(PortalServer.AdminUserName);
        await page.GetByTestId("login-password").FillAsync("không phải mật khẩu này");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa.");

        await page.GetByTestId("login-password").FillAsync(PortalServer.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(portal.Server.BaseAddress, "/admin/users").ToString());
        await Expect(page.GetByTestId("user-list")).ToBeVisibleAsync();
    }
}
