using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The administrator uploads a Kaspersky Security Center report in a real browser: a wrong file is refused, the report
/// is read first and kept, its group is mapped on the suggested unit, and the picture shows the unit's band.
/// </summary>
public sealed class ConsoleReportTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const string SaDecGroup = "Thiết bị được quản lý/Thành phố Sa Đéc";

    [Fact]
    public async Task The_administrator_uploads_a_report_maps_its_group_and_sees_the_band_of_the_unit()
    {
        var saDec = await PrepareAsync();
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        await page.GotoAsync("/plans/1/deployment/import");
        await Expect(page.Locator(".mud-layout[data-interactive='true']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("deployment-choose-file")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("deployment-columns")).ToContainTextAsync("KLLICSRV_HOST_GRPNAME");
        // The seeded 2020 plan's units were in force until 30/06/2025: the report is one of their time.
        var takenOn = page.GetByTestId("deployment-taken-on").Locator("input").Or(page.Locator("input[data-testid=deployment-taken-on]")).First;
        await takenOn.FillAsync("26/02/2021");
        await takenOn.PressAsync("Tab");
        await Expect(takenOn).ToHaveValueAsync("26/02/2021");

        await UploadAsync(page, Csv("danh-sach.csv", "ten;tuoi\nAn;3\n"u8.ToArray()), page.GetByTestId("deployment-import-problem"));
        await Expect(page.GetByTestId("deployment-apply")).ToHaveCountAsync(0);

        var devices = Enumerable.Range(1, 230).Select(i => new ExportDevice($"SD-{i:D4}", $"PC-SD-{i}", SaDecGroup))
            .Append(new ExportDevice("X-1", "PC-X-1", "Nhóm lạ"));
        await page.Locator("input[type=file]").First.SetInputFilesAsync(Csv("ksc.csv", ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(devices), bom: true)));
        await Expect(page.GetByTestId("deployment-preview")).ToContainTextAsync("Đọc được 231 thiết bị");
        await Expect(page.GetByTestId("deployment-import-unmapped")).ToContainTextAsync("Thành phố Sa Đéc: 230 thiết bị");
        await page.GetByTestId("deployment-apply").ClickAsync();
        await Expect(page.GetByTestId("deployment-view-picture")).ToBeVisibleAsync();

        await page.GetByTestId("deployment-import-map-groups").ClickAsync();
        await Expect(page.Locator($"[data-testid=deployment-group][data-group='{SaDecGroup}']")).ToHaveAttributeAsync("data-mapped", "no");
        await Expect(page.Locator($"[data-testid=deployment-group][data-group='{SaDecGroup}']")).ToContainTextAsync("Gợi ý: Thành phố Sa Đéc");
        await page.GetByTestId("deployment-groups-save").ClickAsync();
        await Expect(page.GetByTestId("deployment-groups-saved")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=deployment-group][data-group='{SaDecGroup}']")).ToHaveAttributeAsync("data-mapped", "yes");

        await page.GotoAsync("/plans/1/deployment");
        var row = page.Locator($"[data-testid=deployment-row][data-unit='{saDec}']");
        await Expect(row).ToHaveAttributeAsync("data-band", "Critical");
        await Expect(row.GetByTestId("deployment-band")).ToHaveTextAsync("Nghiêm trọng");
        await Expect(row).ToContainTextAsync("115 %");
        await Expect(page.GetByTestId("deployment-unmapped")).ToContainTextAsync("Nhóm lạ: 1 thiết bị");
        await Screenshots.TakeAsync(page, "deployment-picture.png");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    private static FilePayload Csv(string name, byte[] content) => new() { Name = name, MimeType = "text/csv", Buffer = content };

    /// <summary>The province gives Thành phố Sa Đéc 200 licences.</summary>
    private async Task<int> PrepareAsync()
    {
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        var saDec = await db.Units.Where(u => u.Code == "867").Select(u => u.Id).SingleAsync();
        var admin = new Caller(PortalServer.AdminUserName, PortalRole.ProvinceAdmin);
        (await scope.ServiceProvider.GetRequiredService<QuantityService>()
            .ChangeAsync(admin, new ChangeQuantity(1, saDec, 200, "Giao cho thành phố Sa Đéc"))).Succeeded.ShouldBeTrue();
        return saDec;
    }

    /// <summary>Chooses a file again until the page answers: the file input is wired just after the page goes live.</summary>
    private static async Task UploadAsync(IPage page, FilePayload file, ILocator answer)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[type=file]").First.SetInputFilesAsync(file);
            try
            {
                await answer.First.WaitForAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Not wired yet; choose it again.
            }
        }
    }
}
