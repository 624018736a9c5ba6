using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>An official states a unit's need, sees the coverage change, and is refused a purchase of another product.</summary>
public sealed class NeedsWalkTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const int ProvincialPeopleCommitteeOffice = 2; // VP. UBND tỉnh, 65 in the 2020 plan

    [Fact]
    public async Task An_official_states_a_need_sees_the_coverage_change_and_is_refused_a_purchase_of_another_product()
    {
        await using (var scope = portal.Server.Services.CreateAsyncScope())
        {
            var announced = await scope.ServiceProvider.GetRequiredService<PlanProduct>().DescribeAsync(
                new Caller(PortalServer.AdminUserName, PortalRole.ProvinceAdmin), new ProductDetails(1, "Bkav Endpoint", "Bkav", null, null), TestContext.Current.CancellationToken);
            announced.Succeeded.ShouldBeTrue();
        }

        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        // From the plan to the coverage: nobody has stated a need yet.
        await page.GotoAsync("/plans/1");
        await page.GetByTestId("open-coverage").First.ClickAsync();
        await Expect(page.GetByTestId("coverage-sentence")).ToContainTextAsync("chưa đơn vị nào kê khai");
        await page.GetByTestId($"open-need-{ProvincialPeopleCommitteeOffice}").ClickAsync();

        // The office needs 80 computers protected and holds 65.
        await Expect(page.GetByTestId("need-stated")).ToContainTextAsync("chưa kê khai");
        await PortalBrowser.UntilInteractiveAsync(page);
        await InputOf(page, "need-computers").FillAsync("80");
        await page.GetByTestId("save-need").ClickAsync();
        await Expect(page.GetByTestId("need-stated")).ToContainTextAsync("80 máy tính, do admin kê khai");
        await Expect(page.GetByTestId("own-shortfall")).ToHaveTextAsync("15");

        // A purchase of another product is refused, in Vietnamese, and nothing is recorded.
        await FillPurchaseAsync(page, "Kaspersky Endpoint Security", "Kaspersky");
        await Expect(page.GetByTestId("purchase-refusal")).ToContainTextAsync("Bản quyền tự mua phải đồng bộ với phần mềm được sử dụng chung trên toàn tỉnh: Bkav Endpoint");
        await Expect(page.GetByTestId("purchases-empty")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "needs-refused-purchase.png");

        // Five licences of the province's product are recorded and count in the coverage.
        await FillPurchaseAsync(page, "Bkav Endpoint", "Bkav");
        await Expect(page.GetByTestId("own-self")).ToHaveTextAsync("5");
        await Expect(page.GetByTestId("own-shortfall")).ToHaveTextAsync("10");

        await page.GotoAsync("/plans/1/coverage");
        await Expect(page.GetByTestId($"shortfall-{ProvincialPeopleCommitteeOffice}")).ToHaveTextAsync("10");
        await Expect(page.GetByTestId($"percent-{ProvincialPeopleCommitteeOffice}")).ToHaveTextAsync("87,5 %");
        await Expect(page.GetByTestId("coverage-sentence")).ToContainTextAsync("1 đơn vị còn thiếu 10");
        await Screenshots.TakeAsync(page, "needs-coverage.png");

        await page.GetByTestId("open-dashboard").First.ClickAsync();
        await Expect(page.GetByTestId("dashboard-sentence")).ToContainTextAsync("Tỉnh Đồng Tháp cần 80 máy tính (1 trên ");
        await Expect(page.GetByTestId("dashboard-sentence")).ToContainTextAsync("đơn vị đã kê khai), đã bảo đảm 5.142 bản quyền (6.427,5 %); 1 đơn vị còn thiếu 10.");
        await Expect(page.GetByTestId($"short-{ProvincialPeopleCommitteeOffice}")).ToContainTextAsync("thiếu 10 / cần 80");
        await Screenshots.TakeAsync(page, "needs-dashboard.png");

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    private static async Task FillPurchaseAsync(IPage page, string product, string vendor)
    {
        await InputOf(page, "purchase-product").FillAsync(product);
        await InputOf(page, "purchase-vendor").FillAsync(vendor);
        await InputOf(page, "purchase-quantity").FillAsync("5");
        await InputOf(page, "purchase-contract").FillAsync("15/2021/HĐ");
        await InputOf(page, "purchase-contract-date").FillAsync("2021-02-20");
        await InputOf(page, "purchase-term-start").FillAsync("2021-03-01");
        await InputOf(page, "purchase-term-end").FillAsync("2022-02-28");
        await page.GetByTestId("save-purchase").ClickAsync();
    }

    private static ILocator InputOf(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input");
}
