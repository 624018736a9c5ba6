using LicenseAllocation.Testing;
using Microsoft.Playwright;
using Shouldly;
using static LicenseAllocation.Web.E2ETests.ConsoleReportSteps;
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
        var (saDec, _) = await GiveAsync(portal, "867", 200, "Giao cho thành phố Sa Đéc");
        var (page, scriptErrors) = await OpenImportAsync(portal);
        await Expect(page.GetByTestId("deployment-columns")).ToContainTextAsync("KLLICSRV_HOST_GRPNAME");

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
}
