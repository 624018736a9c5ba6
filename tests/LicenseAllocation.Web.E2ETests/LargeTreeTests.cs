using LicenseAllocation.Application.Data;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>An administrator finds and edits one commune among 5,000 units, then reads the same page in English.</summary>
public sealed class LargeTreeTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const string Commune = "Xã số 7 huyện 41"; // 6 licences in the generated plan

    [Fact]
    public async Task Administrator_finds_a_commune_among_5000_units_edits_it_and_reads_the_page_in_english()
    {
        var factory = portal.Server.Services.GetRequiredService<IDbContextFactory<AllocationDbContext>>();
        var planId = await SyntheticPlan.CreateAsync(factory, 5000, Xunit.TestContext.Current.CancellationToken);
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        await page.GotoAsync($"/plans/{planId}");
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("expand-all")).ToBeEnabledAsync();
        await page.Locator("input[data-testid='tree-search']").FillAsync("xa so 7 huyen 41");
        await Expect(page.GetByTestId("tree-match-count")).ToHaveTextAsync("Tìm thấy 1 đơn vị");
        var commune = page.Locator($"tr[data-unit-name='{Commune}']");
        await Expect(commune).ToBeVisibleAsync();
        var district = page.Locator("tr[data-unit-name='Huyện số 41']");
        var districtRemaining = district.Locator("[data-testid^='remaining-']");
        var before = int.Parse(await districtRemaining.TextContentAsync() ?? "", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

        await commune.Locator("button[data-testid^='edit-']").ClickAsync();
        var editor = page.GetByTestId("editor-row");
        await editor.Locator("input[data-testid='quantity-input']").FillAsync("5");
        await editor.Locator("input[data-testid='reason-input']").FillAsync("Trả lại 1 bản quyền không dùng");
        await editor.Locator("input[data-testid='reason-input']").PressAsync("Enter");

        await Expect(page.GetByTestId("editor-row")).ToHaveCountAsync(0);
        await Expect(commune.Locator("[data-testid^='quantity-']")).ToHaveTextAsync("5");
        await Expect(districtRemaining).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByTestId("language-en").ClickAsync();
        await Expect(page.GetByTestId("expand-all")).ToHaveTextAsync("Expand all");
        await Expect(page.GetByTestId("expand-all")).ToBeEnabledAsync();
        // The page read again in English is prerendered first: text typed before its circuit is live is not seen, so
        // the search is typed again until the page answers it.
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[data-testid='tree-search']").FillAsync(string.Empty);
            await page.Locator("input[data-testid='tree-search']").FillAsync("xa so 7 huyen 41");
            try
            {
                await Expect(page.GetByTestId("tree-match-count")).ToHaveTextAsync("Units found: 1", new() { Timeout = 5000 });
                break;
            }
            catch (Microsoft.Playwright.PlaywrightException) when (attempt < 4)
            {
            }
        }
        await Expect(commune.Locator("td").Nth(2)).ToHaveTextAsync("Commune People's Committee");
        await Expect(commune.Locator("[data-testid^='quantity-']")).ToHaveTextAsync("5");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Screenshots.TakeAsync(page, "cay-5000-don-vi-tieng-anh.png");

        scriptErrors.ShouldBeEmpty();
    }
}
