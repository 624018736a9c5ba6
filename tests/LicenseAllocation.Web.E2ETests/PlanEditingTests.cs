using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>An administrator changes the 2020 plan in a real browser against the real portal.</summary>
public sealed class PlanEditingTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const int Province = 1;
    private const int ProvincialPeopleCommitteeOffice = 2; // VP. UBND tỉnh, 65 in the 2020 plan
    private const int ProvincialCouncilOffice = 3; // VP. HĐND tỉnh, 24 in the 2020 plan

    [Fact]
    public async Task Administrator_edits_a_quantity_and_sees_remaining_change_and_a_refusal_explained()
    {
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        await page.GotoAsync("/plans/1");
        await Expect(page.GetByTestId("plan-total")).ToHaveTextAsync("5.137");
        await Expect(page.GetByTestId("plan-remaining")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId($"quantity-{ProvincialPeopleCommitteeOffice}")).ToHaveTextAsync("65");
        await Expect(page.GetByTestId($"quantity-{ProvincialCouncilOffice}")).ToHaveTextAsync("24");
        await Screenshots.TakeAsync(page, "plan-overview.png");

        // Lower VP. UBND tỉnh from 65 to 60: refused without a reason, accepted with one.
        var editor = await OpenEditorAsync(page, ProvincialPeopleCommitteeOffice);
        await InputOf(editor, "quantity-input").FillAsync("60");
        await editor.GetByTestId("save-quantity").ClickAsync();
        await Expect(editor.GetByTestId("refusal-message")).ToContainTextAsync("lý do");
        await Expect(page.GetByTestId($"quantity-{ProvincialPeopleCommitteeOffice}")).ToHaveTextAsync("65");

        await InputOf(editor, "reason-input").FillAsync("Giảm theo số máy tính thực tế của Văn phòng");
        await editor.GetByTestId("save-quantity").ClickAsync();
        await Expect(page.GetByTestId("editor-row")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"quantity-{ProvincialPeopleCommitteeOffice}")).ToHaveTextAsync("60");
        await Expect(page.GetByTestId("plan-remaining")).ToHaveTextAsync("5");
        await Expect(page.GetByTestId($"remaining-{Province}")).ToHaveTextAsync("5");
        var saved = page.Locator(".mud-snackbar");
        await Expect(saved).ToContainTextAsync("Đã lưu: VP. UBND tỉnh nhận 60 bản quyền.");
        await saved.Locator(".mud-snackbar-close-button").ClickAsync();
        await Expect(saved).ToHaveCountAsync(0);

        // Raise VP. HĐND tỉnh from 24 to 100 when only 5 are left: refused, with the numbers.
        editor = await OpenEditorAsync(page, ProvincialCouncilOffice);
        await InputOf(editor, "quantity-input").FillAsync("100");
        await InputOf(editor, "reason-input").FillAsync("Bổ sung cho các máy tính mới");
        await editor.GetByTestId("save-quantity").ClickAsync();
        await Expect(editor.GetByTestId("refusal-message")).ToContainTextAsync(
            "chỉ còn 5 bản quyền chưa phân bổ, nên đơn vị này được nhận tối đa 29 (đã nhập 100)");
        await Expect(page.GetByTestId($"quantity-{ProvincialCouncilOffice}")).ToHaveTextAsync("24");
        await Expect(page.GetByTestId("plan-remaining")).ToHaveTextAsync("5");
        await Screenshots.TakeAsync(page, "refused-change.png");

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    /// <summary>Opens the inline editor of a unit; the edit button stays disabled until the page is live, and the click waits for it.</summary>
    private static async Task<ILocator> OpenEditorAsync(IPage page, int unitId)
    {
        var edit = page.GetByTestId($"edit-{unitId}");
        await edit.ClickAsync();
        var editor = page.GetByTestId("editor-row");
        await Expect(editor).ToBeVisibleAsync();
        // The unit being edited loses its edit button, so this is its editor and not another unit's.
        await Expect(edit).ToHaveCountAsync(0);
        return editor;
    }

    /// <summary>The text box of a MudBlazor field, whether the test id sits on the field's wrapper or on the input itself.</summary>
    private static ILocator InputOf(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input");
}
