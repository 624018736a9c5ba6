using System.Text.RegularExpressions;
using LicenseAllocation.Testing;
using Microsoft.Playwright;
using Shouldly;
using static LicenseAllocation.Web.E2ETests.ConsoleReportSteps;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The Department's officer (the administrator, who imports reports) uploads a Kaspersky Security Center report whose
/// two groups no unit is mapped to yet, maps one on its suggestion and the other by hand, and sees the bands on the
/// dashboard and in the allocation tree of the plan.
/// </summary>
public sealed partial class ConsoleReportBandsTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const string SaDecGroup = "Thiết bị được quản lý/Thành phố Sa Đéc";
    private const string CaoLanhGroup = "Thiết bị được quản lý/VP Cao Lanh";

    [Fact]
    public async Task The_officer_uploads_a_report_maps_the_unmatched_groups_and_sees_the_bands_on_the_dashboard_and_in_the_tree()
    {
        // The province gives Thành phố Sa Đéc 200 licences and Thành phố Cao Lãnh 300; both sit under the districts' row.
        var (saDec, districts) = await GiveAsync(portal, "867", 200, "Giao cho thành phố Sa Đéc");
        var (caoLanh, _) = await GiveAsync(portal, "866", 300, "Giao cho thành phố Cao Lãnh");
        var (page, scriptErrors) = await OpenImportAsync(portal);
        var devices = Enumerable.Range(1, 230).Select(i => new ExportDevice($"SD-{i:D4}", $"PC-SD-{i}", SaDecGroup))
            .Concat(Enumerable.Range(1, 150).Select(i => new ExportDevice($"CL-{i:D4}", $"PC-CL-{i}", CaoLanhGroup)));
        await UploadAsync(page, new FilePayload { Name = "ksc.csv", MimeType = "text/csv", Buffer = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(devices), bom: true) },
            page.GetByTestId("deployment-preview"));
        await Expect(page.GetByTestId("deployment-preview")).ToContainTextAsync("Đọc được 380 thiết bị");
        await page.GetByTestId("deployment-apply").ClickAsync();
        await Expect(page.GetByTestId("deployment-view-picture")).ToBeVisibleAsync();

        // Both groups are unmatched: Sa Đéc's comes with its suggestion, the other is mapped by hand.
        await page.GetByTestId("deployment-import-map-groups").ClickAsync();
        var saDecRow = page.Locator($"[data-testid=deployment-group][data-group='{SaDecGroup}']");
        var caoLanhRow = page.Locator($"[data-testid=deployment-group][data-group='{CaoLanhGroup}']");
        await Expect(saDecRow).ToHaveAttributeAsync("data-mapped", "no");
        await Expect(saDecRow).ToContainTextAsync("Gợi ý: Thành phố Sa Đéc");
        await Expect(caoLanhRow).ToHaveAttributeAsync("data-mapped", "no");
        await caoLanhRow.GetByRole(AriaRole.Combobox).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(ExactlyCaoLanh()).First.ClickAsync();
        await Expect(caoLanhRow.GetByRole(AriaRole.Combobox)).ToHaveValueAsync("Thành phố Cao Lãnh");
        await page.GetByTestId("deployment-groups-save").ClickAsync();
        await Expect(page.GetByTestId("deployment-groups-saved")).ToContainTextAsync("Đã lưu 2 nhóm.");
        await Expect(saDecRow).ToHaveAttributeAsync("data-mapped", "yes");
        await Expect(caoLanhRow).ToHaveAttributeAsync("data-mapped", "yes");

        // The dashboard: one line per district with its band.
        await page.GotoAsync("/plans/1/dashboard");
        var saDecLine = page.Locator($"[data-testid=dashboard-band-line][data-unit='{saDec}']");
        await Expect(saDecLine.GetByTestId("deployment-band")).ToHaveAttributeAsync("data-band", "Critical");
        await Expect(saDecLine).ToContainTextAsync("115 %");
        await Expect(page.Locator($"[data-testid=dashboard-band-line][data-unit='{caoLanh}']").GetByTestId("deployment-band")).ToHaveAttributeAsync("data-band", "Ok");

        // The tree of the plan: the same bands, a level at a time.
        await page.GotoAsync("/plans/1");
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("tree-band-header")).ToHaveTextAsync("Mức sử dụng");
        await page.GetByTestId($"toggle-{districts!.Value}").ClickAsync();
        await Expect(page.GetByTestId($"band-{saDec}")).ToHaveAttributeAsync("data-band", "Critical");
        await Expect(page.GetByTestId($"band-{saDec}").GetByTestId("deployment-band")).ToHaveTextAsync("Nghiêm trọng");
        await Expect(page.GetByTestId($"band-{saDec}")).ToContainTextAsync("115 %");
        await Expect(page.GetByTestId($"band-{caoLanh}")).ToHaveAttributeAsync("data-band", "Ok");
        await Expect(page.GetByTestId($"band-{caoLanh}")).ToContainTextAsync("50 %");
        await page.GetByTestId($"band-{saDec}").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "tree-bands.png");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    [GeneratedRegex(@"^\s*Thành phố Cao Lãnh\s*$")]
    private static partial Regex ExactlyCaoLanh();
}
