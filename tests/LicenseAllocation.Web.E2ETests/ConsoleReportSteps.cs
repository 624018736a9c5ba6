using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>The steps the console-report walks share: licences given first, the import page opened on the report's day, a file chosen until the page answers.</summary>
internal static class ConsoleReportSteps
{
    /// <summary>The province gives the unit of <paramref name="code"/> its licences of the seeded plan; its id and its parent's.</summary>
    public static async Task<(int Unit, int? Parent)> GiveAsync(PortalBrowser portal, string code, int quantity, string reason)
    {
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        var unit = await db.Units.Where(u => u.Code == code).Select(u => new { u.Id, u.ParentId }).SingleAsync();
        var admin = new Caller(PortalServer.AdminUserName, PortalRole.ProvinceAdmin);
        (await scope.ServiceProvider.GetRequiredService<QuantityService>()
            .ChangeAsync(admin, new ChangeQuantity(1, unit.Id, quantity, reason))).Succeeded.ShouldBeTrue();
        return (unit.Id, unit.ParentId);
    }

    /// <summary>
    /// Signs the administrator in on a new page and opens the seeded plan's report import, live, with the report's day
    /// filled in; the list gathers the page's script errors.
    /// </summary>
    public static async Task<(IPage Page, List<string> ScriptErrors)> OpenImportAsync(PortalBrowser portal)
    {
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        await page.GotoAsync("/plans/1/deployment/import");
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("deployment-choose-file")).ToBeEnabledAsync();
        // The seeded 2020 plan's units were in force until 30/06/2025: the report is one of their time.
        var takenOn = page.GetByTestId("deployment-taken-on").Locator("input").Or(page.Locator("input[data-testid=deployment-taken-on]")).First;
        await takenOn.FillAsync("26/02/2021");
        await takenOn.PressAsync("Tab");
        await Expect(takenOn).ToHaveValueAsync("26/02/2021");
        return (page, scriptErrors);
    }

    /// <summary>Chooses the report on the page's file input, again until the page answers (<see cref="ExcelUpload.ChooseAsync"/>).</summary>
    public static Task UploadAsync(IPage page, FilePayload file, ILocator answer) => ExcelUpload.ChooseAsync(page, file, answer);
}
