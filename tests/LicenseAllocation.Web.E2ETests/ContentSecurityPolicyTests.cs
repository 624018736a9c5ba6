using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The pages work under the portal's content security policy in a real browser: the circuit connects, a quantity is
/// edited, the API reference renders, and the browser reports no violation of the policy on the way.
/// </summary>
public sealed class ContentSecurityPolicyTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const int ProvincialPeopleCommitteeOffice = 2;

    [Fact]
    public async Task Signing_in_editing_a_plan_and_reading_the_api_reference_raise_no_policy_violation()
    {
        var page = await portal.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        page.PageError += (_, error) => violations.Add(error);
        // The browser's own report of every blocked script, style, connection or frame, as a console line.
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        var signInPage = await page.GotoAsync("/account/login");
        var headers = await signInPage!.AllHeadersAsync();
        headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        headers["content-security-policy"].ShouldContain("'nonce-");
        headers.ShouldNotContainKey("server");
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);
        await PortalBrowser.UntilInteractiveAsync(page);

        await page.GotoAsync("/plans/1");
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("plan-total")).ToHaveTextAsync("5.137");
        await page.GetByTestId($"edit-{ProvincialPeopleCommitteeOffice}").ClickAsync();
        await Expect(page.GetByTestId("editor-row")).ToHaveCountAsync(1);

        await page.GotoAsync("/api/docs/");
        await Expect(page).ToHaveTitleAsync("LicenseAllocation API v1");
        await Expect(page.GetByText("Download OpenAPI Document").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Select Auth Type").First).ToBeVisibleAsync();

        violations.ShouldBeEmpty();
    }
}
