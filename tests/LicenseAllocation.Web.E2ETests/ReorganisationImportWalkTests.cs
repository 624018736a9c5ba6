using System.Text.Json;
using LicenseAllocation.Testing;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The administrator records a later reorganisation from a workbook on the reorganisations page: the template from the
/// page, a file refused with its row explained, the corrected file previewed and recorded, and the record in the list.
/// </summary>
public sealed class ReorganisationImportWalkTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task The_administrator_imports_a_reorganisation_from_the_template_after_a_refused_row_and_finds_it_in_the_history()
    {
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        // Followed by address rather than clicked: a click while the prerendered page is taken over by the live connection can be lost.
        await Expect(page.GetByTestId("nav-reorganisations")).ToHaveAttributeAsync("href", "/reorganisations");
        await page.GotoAsync("/reorganisations");
        await Expect(page.Locator("[data-testid^=reorganisation-row-]")).ToHaveCountAsync(1);
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("reorganisation-choose-file")).ToBeEnabledAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("reorganisation-template").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var template = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        // Xã Bình Minh is said to come from a commune the portal never held, without saying so: refused at its row.
        var valid = ReorganisationFiles.Valid();
        var spoilt = valid with { Communes = [valid.Communes[0], valid.Communes[1], valid.Communes[2] with { From = [new TestLink("99999", "Xã Không Có")] }] };
        await ExcelUpload.ChooseAsync(page, ExcelUpload.Payload(ReorganisationFiles.Workbook(spoilt, template), "sap-xep-2026.xlsx"), page.GetByTestId("reorganisation-import-refused"));
        await Expect(page.GetByTestId("reorganisation-import-refused")).ToHaveTextAsync("Tệp sap-xep-2026.xlsx có 1 lỗi, chưa ghi nhận gì. Sửa các dòng dưới đây rồi chọn lại tệp.");
        var issue = page.GetByTestId("reorganisation-import-issue");
        await Expect(issue).ToHaveAttributeAsync("data-code", "old-unit-unknown");
        await Expect(issue.Locator("td").Nth(0)).ToHaveTextAsync("Đơn vị mới");
        await Expect(issue.Locator("td").Nth(1)).ToHaveTextAsync("9");
        await Expect(issue.Locator("td").Nth(3)).ToContainTextAsync("Không tìm thấy đơn vị cũ \"99999\" trên cổng thông tin");
        await Expect(page.GetByTestId("reorganisation-import-apply")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "reorganisation-import-refused.png");

        // The corrected file: previewed unit by unit, then recorded.
        await ExcelUpload.ChooseAsync(page, ExcelUpload.Payload(ReorganisationFiles.Workbook(valid, template), "sap-xep-2026.xlsx"), page.GetByTestId("reorganisation-import-preview"));
        await Expect(page.GetByTestId("reorganisation-import-preview")).ToContainTextAsync($"\"{ReorganisationFiles.Name}\", 6 đơn vị mới, hiệu lực từ 01/01/2026");
        await Expect(page.GetByTestId("reorganisation-import-refused")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("reorganisation-import-unit")).ToHaveCountAsync(6);
        await Expect(page.GetByTestId("reorganisation-import-unit").Nth(3)).ToContainTextAsync("Phường Mỹ Trà (29888) · một phần · 60 %");
        await Screenshots.TakeAsync(page, "reorganisation-import-preview.png");
        await page.GetByTestId("reorganisation-import-apply").ClickAsync();
        await Expect(page.GetByTestId("reorganisation-import-recorded")).ToContainTextAsync($"Đã ghi nhận \"{ReorganisationFiles.Name}\".");

        // The history: the 2025 reorganisation and the new one, with its day and legal basis.
        await Expect(page.Locator("[data-testid^=reorganisation-row-]")).ToHaveCountAsync(2);
        var recorded = page.Locator("[data-testid^=reorganisation-row-]").Filter(new() { HasText = ReorganisationFiles.Name });
        await Expect(recorded).ToContainTextAsync("01/01/2026");
        await Expect(recorded).ToContainTextAsync(ReorganisationFiles.LegalBasis);

        // What the data then is, as the API tells it.
        var response = await page.APIRequest.GetAsync("/api/v1/reorganisations");
        response.Status.ShouldBe(200);
        using var list = JsonDocument.Parse(await response.TextAsync());
        var entry = list.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == ReorganisationFiles.Name);
        entry.GetProperty("effectiveFrom").GetString().ShouldBe("2026-01-01");
        entry.GetProperty("legalBasis").GetString().ShouldBe(ReorganisationFiles.LegalBasis);
        entry.GetProperty("newUnits").GetInt32().ShouldBe(6);

        await recorded.Locator("a").ClickAsync();
        await Expect(page.GetByTestId("page-title")).ToHaveTextAsync(ReorganisationFiles.Name);
        await Expect(page.GetByTestId("reorganisation-effective")).ToHaveTextAsync("01/01/2026");
        await Expect(page.GetByTestId("reorganisation-units")).ToContainTextAsync("Phường Mỹ Ngãi");

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }
}
