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

/// <summary>A district officer splits the district's quota in a real browser, and stays inside the district.</summary>
public sealed class DistrictOfficerTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const string OfficerName = "caolanh";
    private const string OfficerPassword = "cán bộ thành phố Cao Lãnh";

    [Fact]
    public async Task District_officer_applies_the_standard_agencies_hands_on_part_of_the_quota_and_cannot_open_another_district()
    {
        var (caoLanh, saDec, ward11) = await PrepareAsync();
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, OfficerName, OfficerPassword);

        // The plan list sends a district officer to their district's workspace. The page is followed by address rather
        // than clicked: a click while the prerendered page is being taken over by the live connection can be lost.
        var workspaceLink = page.GetByTestId("plan-link-1");
        await Expect(workspaceLink).ToHaveAttributeAsync("href", $"/plans/1/districts/{caoLanh}");
        await page.GotoAsync($"/plans/1/districts/{caoLanh}");
        await Expect(page.GetByTestId("district-quota")).ToHaveTextAsync("300");
        await Expect(page.GetByTestId("district-remaining")).ToHaveTextAsync("300");
        await PortalBrowser.UntilInteractiveAsync(page);

        await page.GetByTestId("add-standard-agencies").ClickAsync();
        await Expect(page.Locator("[data-unit-name='Phòng Nội vụ']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-unit-name='Phòng Quản lý đô thị']")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "district-workspace.png");

        await page.GetByTestId("begin-bulk-edit").ClickAsync();
        await DraftOf(page.GetByTestId($"unit-{ward11}")).FillAsync("40");
        await DraftOf(page.Locator("[data-unit-name='Phòng Nội vụ']")).FillAsync("10");
        await Expect(page.GetByTestId("draft-remaining")).ToContainTextAsync("250");
        await page.GetByTestId("bulk-reason").Locator("input").Or(page.Locator("input[data-testid=bulk-reason]")).First.FillAsync("Phân bổ đợt 1 cho phường và phòng chuyên môn");
        await Screenshots.TakeAsync(page, "district-bulk-edit.png");
        await page.GetByTestId("save-bulk").ClickAsync();

        await Expect(page.GetByTestId("district-handed-on")).ToHaveTextAsync("50");
        await Expect(page.GetByTestId("district-remaining")).ToHaveTextAsync("250");
        await Expect(page.GetByTestId($"quantity-{ward11}")).ToHaveTextAsync("40");

        await page.GotoAsync($"/plans/1/districts/{saDec}");
        await Expect(page.GetByTestId("workspace-problem")).ToContainTextAsync("ngoài phạm vi");
        await Expect(page.GetByTestId("workspace-table")).ToHaveCountAsync(0);

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    private static ILocator DraftOf(ILocator row) => row.Locator("input");

    /// <summary>The province gives Thành phố Cao Lãnh 300 licences and creates its officer's account.</summary>
    private async Task<(int CaoLanh, int SaDec, int Ward11)> PrepareAsync()
    {
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        var caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync();
        var saDec = await db.Units.Where(u => u.Code == "867").Select(u => u.Id).SingleAsync();
        var ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync();

        var admin = new Caller(PortalServer.AdminUserName, PortalRole.ProvinceAdmin);
        var quota = await scope.ServiceProvider.GetRequiredService<QuantityService>()
            .ChangeAsync(admin, new ChangeQuantity(1, caoLanh, 300, "Giao cho thành phố Cao Lãnh"));
        quota.Succeeded.ShouldBeTrue();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var officer = new PortalUser { UserName = OfficerName, ScopeUnitId = caoLanh };
        (await users.CreateAsync(officer, OfficerPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(officer, nameof(PortalRole.DistrictOfficer))).Succeeded.ShouldBeTrue();
        return (caoLanh, saDec, ward11);
    }
}
