using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The administrator opens the 2025 reorganisation of Đồng Tháp, creates the 2026 plan on the new structure from the
/// 2020 plan in the browser alone, and sees the 102 communes and wards with the figures they carry over.
/// </summary>
public sealed class ReorganisationTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task The_2026_plan_is_created_on_the_new_province_from_the_2020_figures()
    {
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        // Followed by address rather than clicked: a click while the prerendered page is taken over by the live connection can be lost.
        await Expect(page.GetByTestId("nav-reorganisations")).ToHaveAttributeAsync("href", "/reorganisations");
        await page.GotoAsync("/reorganisations");
        var row = page.Locator("[data-testid^=reorganisation-row-]").First;
        await Expect(row).ToContainTextAsync("01/07/2025");
        await Expect(row).ToContainTextAsync("Nghị quyết số 1663/NQ-UBTVQH15 ngày 16/6/2025");
        await row.Locator("a").ClickAsync();

        await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Sắp xếp đơn vị hành chính tỉnh Đồng Tháp năm 2025");
        await Expect(page.GetByTestId("reorganisation-effective")).ToHaveTextAsync("01/07/2025");
        await Expect(page.GetByTestId("reorganisation-units")).ToContainTextAsync("Xã");
        await Screenshots.TakeAsync(page, "reorganisation.png");

        await page.GetByTestId("create-successor").ClickAsync();
        await Expect(page.GetByTestId("successor-reconciliation")).ToContainTextAsync("Không có bản quyền nào phát sinh hay bị mất.");
        await Expect(page.GetByTestId("successor-reconciliation")).ToContainTextAsync("tổng cũ 5.137");
        await Expect(page.GetByTestId("successor-create")).ToBeDisabledAsync();
        await page.GetByTestId("confirm-all-links").ClickAsync();
        await Expect(page.GetByTestId("open-links-left")).ToHaveCountAsync(0);

        var name = page.Locator("input[data-testid=successor-name], [data-testid=successor-name] input");
        await name.FillAsync("Kế hoạch phân bổ bản quyền năm 2026");
        var year = page.Locator("input[data-testid=successor-year], [data-testid=successor-year] input");
        await year.FillAsync("2026");
        await page.GetByTestId("successor-create").ClickAsync();
        await Expect(page.GetByTestId("successor-created")).ToContainTextAsync("Đã tạo kế hoạch \"Kế hoạch phân bổ bản quyền năm 2026\"");
        await Expect(page.GetByTestId("carried-figures")).ToContainTextAsync("Xã");
        (await page.Locator("[data-testid^=carried-quantity-]").CountAsync()).ShouldBeGreaterThan(0);
        await Screenshots.TakeAsync(page, "successor-plan.png");

        await page.GetByTestId("open-successor-plan").ClickAsync();
        await Expect(page.GetByTestId("plan-name")).ToHaveTextAsync("Kế hoạch phân bổ bản quyền năm 2026");

        await page.GotoAsync("/structure?on=2025-07-01");
        await Expect(page.GetByTestId("structure-count")).ToContainTextAsync("Ngày 01/07/2025: 117 đơn vị");

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }
}
