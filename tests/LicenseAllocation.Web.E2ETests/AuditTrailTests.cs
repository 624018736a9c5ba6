using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// An administrator changes a quantity under an official letter; an auditor then answers "who changed it, when, why and
/// under which letter" from the portal alone, and checks the integrity of the trail.
/// </summary>
public sealed class AuditTrailTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const int ProvincialPeopleCommitteeOffice = 2; // VP. UBND tỉnh, 65 in the 2020 plan
    private const string Letter = "Công văn số 123/UBND-VX ngày 05/01/2021";

    [Fact]
    public async Task A_change_under_a_letter_is_found_in_the_units_history_and_the_trail()
    {
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        await page.GotoAsync("/plans/1");
        await PortalBrowser.UntilInteractiveAsync(page);
        await page.GetByTestId($"edit-{ProvincialPeopleCommitteeOffice}").ClickAsync();
        var editor = page.GetByTestId("editor-row");
        await InputOf(editor, "quantity-input").FillAsync("60");
        await InputOf(editor, "reason-input").FillAsync("Giảm theo số máy tính thực tế của Văn phòng");
        await InputOf(editor, "document-ref-input").FillAsync(Letter);
        await editor.GetByTestId("save-quantity").ClickAsync();
        await Expect(page.GetByTestId($"quantity-{ProvincialPeopleCommitteeOffice}")).ToHaveTextAsync("60");
        var saved = page.Locator(".mud-snackbar");
        await saved.Locator(".mud-snackbar-close-button").ClickAsync();
        await Expect(saved).ToHaveCountAsync(0);

        await page.GetByTestId($"history-{ProvincialPeopleCommitteeOffice}").ClickAsync();
        await Expect(page.GetByTestId("history-unit")).ToHaveTextAsync("Lịch sử thay đổi: VP. UBND tỉnh");
        var rows = page.Locator("[data-testid=history-table] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync("admin");
        await Expect(rows.Nth(1)).ToContainTextAsync("65 → 60");
        await Expect(rows.Nth(1)).ToContainTextAsync(Letter);
        await Expect(page.GetByTestId("history-reconciles")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "unit-history.png");

        await page.GetByTestId("nav-audit").ClickAsync();
        await Expect(page.Locator("[data-testid=audit-table] tbody tr").First).ToContainTextAsync(Letter);
        await page.GetByTestId("verify-audit").ClickAsync();
        await Expect(page.GetByTestId("verify-verdict")).ToContainTextAsync("Nhật ký toàn vẹn");
        await Screenshots.TakeAsync(page, "audit-trail.png");

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    private static ILocator InputOf(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input");
}
