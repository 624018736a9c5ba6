using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>Phường 11 asks for 5 licences, the city's officer approves 3, and both see the result and are told.</summary>
public sealed class RequestWalkTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const string OfficerName = "caolanh";
    private const string ViewerName = "phuong11";
    private const string Password = "cán bộ thành phố Cao Lãnh";

    [Fact]
    public async Task A_commune_asks_for_five_the_district_approves_three_and_both_see_the_result_and_the_notification()
    {
        var ward11 = await PrepareAsync();
        var scriptErrors = new List<string>();

        // The commune's officer goes from the plan to its requests and asks for 5.
        var viewer = await portal.NewPageAsync();
        viewer.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(viewer, ViewerName, Password);
        await viewer.GotoAsync("/plans/1");
        await Expect(viewer.GetByTestId("open-requests")).ToHaveAttributeAsync("href", "/plans/1/requests");
        await OpenAsync(viewer, "/plans/1/requests");
        await Expect(viewer.GetByTestId("request-unit-figures")).ToContainTextAsync("Hiện được phân bổ 0 bản quyền");
        await InputOf(viewer, "request-quantity").FillAsync("5");
        await viewer.Locator("textarea[data-testid=request-justification], [data-testid=request-justification] textarea").First.FillAsync("Phường có thêm 5 máy tính");
        await viewer.GetByTestId("submit-request").ClickAsync();
        await Expect(viewer.GetByTestId("request-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(viewer.GetByTestId("request-requested")).ToHaveTextAsync("5");

        // The city's officer is told, opens the request from the inbox and approves 3 with a comment.
        var officer = await portal.NewPageAsync();
        officer.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(officer, OfficerName, Password);
        await Expect(officer.GetByTestId("notification-count")).ToHaveAttributeAsync("data-count", "1");
        await OpenAsync(officer, "/notifications");
        await Expect(officer.GetByTestId("notification-text")).ToHaveTextAsync("Phường 11 đề nghị bổ sung 5 bản quyền, chờ anh/chị quyết định.");
        await Expect(officer.GetByTestId("notification-open")).ToHaveAttributeAsync("href", "/plans/1/requests");
        await OpenAsync(officer, "/plans/1/requests");
        await officer.GetByTestId("request-filter-todecide").ClickAsync();
        await Expect(InputOf(officer, "decision-quantity")).ToHaveValueAsync("5");
        await InputOf(officer, "decision-quantity").FillAsync("3");
        await InputOf(officer, "decision-comment").FillAsync("Thành phố cân đối 3 bản quyền");
        await Screenshots.TakeAsync(officer, "request-decision.png");
        await officer.GetByTestId("decide").ClickAsync();
        await Expect(officer.GetByTestId("requests-empty")).ToBeVisibleAsync();
        await officer.GetByTestId("request-filter-all").ClickAsync();
        await Expect(officer.GetByTestId("request-status")).ToHaveAttributeAsync("data-status", "PartiallyApproved");
        await Expect(officer.GetByTestId("request-posted")).ToHaveTextAsync("3");

        // The commune sees the decision in its list and in its inbox.
        await OpenAsync(viewer, "/plans/1/requests");
        await Expect(viewer.GetByTestId("request-status")).ToHaveTextAsync("Duyệt một phần");
        await Expect(viewer.GetByTestId("request-approved")).ToHaveTextAsync("3");
        await Expect(viewer.GetByTestId("request-posted")).ToHaveTextAsync("3");
        await Expect(viewer.GetByTestId("request-comment")).ToContainTextAsync("Thành phố cân đối 3 bản quyền");
        await Expect(viewer.GetByTestId("request-unit-figures")).ToContainTextAsync("Hiện được phân bổ 3 bản quyền");
        await Expect(viewer.GetByTestId("notification-count")).ToHaveAttributeAsync("data-count", "1");
        await Screenshots.TakeAsync(viewer, "request-decided.png");

        await using (var scope = portal.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
            (await db.Nodes.Where(n => n.PlanId == 1 && n.UnitId == ward11).Select(n => n.Quantity).SingleAsync(TestContext.Current.CancellationToken)).ShouldBe(3);
        }

        await Expect(officer.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(viewer.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    /// <summary>Goes to the page and waits until its circuit is live: text typed into a prerendered page is not seen.</summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await PortalBrowser.UntilInteractiveAsync(page);
    }

    private static ILocator InputOf(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>The province gives Thành phố Cao Lãnh 10 licences and creates the city's officer and Phường 11's viewer.</summary>
    private async Task<int> PrepareAsync()
    {
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        var caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);

        var admin = new Caller(PortalServer.AdminUserName, PortalRole.ProvinceAdmin);
        var quota = await scope.ServiceProvider.GetRequiredService<QuantityService>()
            .ChangeAsync(admin, new ChangeQuantity(1, caoLanh, 10, "Giao cho thành phố Cao Lãnh"), TestContext.Current.CancellationToken);
        quota.Succeeded.ShouldBeTrue();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var (name, role, unitId) in new[] { (OfficerName, PortalRole.DistrictOfficer, caoLanh), (ViewerName, PortalRole.UnitViewer, ward11) })
        {
            var user = new PortalUser { UserName = name, ScopeUnitId = unitId };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role.ToString())).Succeeded.ShouldBeTrue();
        }

        return ward11;
    }
}
