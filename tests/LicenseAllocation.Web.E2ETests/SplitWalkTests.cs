using System.Text.Json;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The administrator collects the districts' needs by Excel, splits the 3.960 of "UBND 12 huyện, thành phố" by their
/// shortfall with the portal's split tool, applies it, and sees the dashboard tell the change.
/// </summary>
public sealed class SplitWalkTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    // 4.400 computers in all, each a multiple of ten: 3.960 is 90 % of it, so every district's exact share is whole.
    private static readonly int[] _needs = [500, 400, 300, 400, 300, 350, 350, 400, 350, 400, 350, 300];

    [Fact]
    public async Task The_administrator_enters_needs_by_Excel_splits_the_district_group_by_shortfall_and_sees_the_dashboard_change()
    {
        var (group, districts) = await DistrictsAsync();
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, PortalServer.AdminUserName, PortalServer.AdminPassword);

        await page.GotoAsync("/plans/1/dashboard");
        await Expect(page.GetByTestId("dashboard-sentence")).ToContainTextAsync("chưa đơn vị nào kê khai");

        // The group's template, its "Số máy tính cần bảo vệ" column filled in "Excel".
        await page.GotoAsync($"/plans/1/import?unitId={group}");
        await PortalBrowser.UntilInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-download-template").ClickAsync());
        var template = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        var filled = WorkbookFiles.Edit(template, workbook =>
        {
            var sheet = workbook.Worksheet(1);
            var column = WorkbookFiles.TextCell(sheet, TemplateLayout.NeedHeader).Address.ColumnNumber;
            foreach (var (district, need) in districts.Zip(_needs))
            {
                sheet.Cell(WorkbookFiles.TextCell(sheet, district.Name).Address.RowNumber, column).SetValue(need);
            }
        });
        await ExcelUpload.ChooseAsync(page, ExcelUpload.Payload(filled, "nhu-cau-12-huyen.xlsx"), page.GetByTestId("import-need-changes"));
        await Expect(page.GetByTestId("import-need-changes")).ToContainTextAsync("số máy tính cần bảo vệ của 12 đơn vị");
        await Expect(page.GetByTestId("import-error")).ToHaveCountAsync(0);
        await page.GetByTestId("import-reason").Locator("input").Or(page.Locator("input[data-testid=import-reason]")).First.FillAsync("Số máy tính các huyện báo cáo");
        await page.GetByTestId("import-apply").ClickAsync();
        await Expect(page.GetByTestId("import-applied")).ToContainTextAsync("Đã áp dụng 12 thay đổi");

        // Nothing is handed on yet: every district is short of all it needs.
        await page.GotoAsync("/plans/1/dashboard");
        await Expect(page.GetByTestId("dashboard-sentence")).ToContainTextAsync("12 đơn vị còn thiếu 4.400");
        await Expect(page.GetByTestId("dashboard-figures")).ToHaveAttributeAsync("data-need", "4400");
        await Expect(page.GetByTestId("dashboard-figures")).ToHaveAttributeAsync("data-short-by", "4400");

        // The split of what the group holds, in proportion to the shortfall.
        await page.GotoAsync($"/plans/1/units/{group}/needs");
        // The reason is typed once the circuit has taken over: typed into the prerendered page, it is lost.
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("split-total")).ToHaveTextAsync("3.960");
        foreach (var (district, need) in districts.Zip(_needs))
        {
            await Expect(page.GetByTestId($"split-draft-{district.Id}")).ToHaveValueAsync((need * 9 / 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Screenshots.TakeAsync(page, "split-proposal.png");
        await page.GetByTestId("split-reason").Locator("input").Or(page.Locator("input[data-testid=split-reason]")).First.FillAsync("Chia theo số máy còn thiếu");
        await page.GetByTestId("apply-split").ClickAsync();
        await Expect(page.GetByTestId("split-problem")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Đã áp dụng phương án chia cho 12 đơn vị.");
        // The panel proposes again over the figures now held: Thành phố Cao Lãnh's current figure is its share.
        await Expect(page.GetByTestId($"split-{districts[0].Id}").Locator("td").Nth(3)).ToHaveTextAsync("450");

        // The dashboard: the same need, a tenth of it still short, and the chart's bars per district.
        await page.GotoAsync("/plans/1/dashboard");
        await Expect(page.GetByTestId("dashboard-sentence")).ToContainTextAsync("12 đơn vị còn thiếu 440");
        await Expect(page.GetByTestId("dashboard-figures")).ToHaveAttributeAsync("data-short-by", "440");
        await Expect(page.GetByTestId($"short-{districts[0].Id}")).ToContainTextAsync("thiếu 50 / cần 500");
        await Screenshots.TakeAsync(page, "split-dashboard.png");

        // What the data then is: each district holds 90 % of its need, and the group hands on all it had.
        var coverage = await JsonAsync(page, $"/api/v1/plans/1/coverage?unitId={group}");
        var items = coverage.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("unitId").GetInt32());
        foreach (var (district, need) in districts.Zip(_needs))
        {
            items[district.Id].GetProperty("need").GetInt32().ShouldBe(need);
            items[district.Id].GetProperty("subtree").GetProperty("allocated").GetInt32().ShouldBe(need * 9 / 10);
        }

        items[group].GetProperty("allocated").GetInt32().ShouldBe(0, "the group keeps nothing for itself");

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    private static async Task<JsonDocument> JsonAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        response.Status.ShouldBe(200);
        return JsonDocument.Parse(await response.TextAsync());
    }

    /// <summary>The district group and its twelve districts in the letter's order.</summary>
    private async Task<(int Group, IReadOnlyList<(int Id, string Name)> Districts)> DistrictsAsync()
    {
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var group = await db.Units.Where(u => u.Kind == UnitKind.DistrictGroup).Select(u => u.Id).SingleAsync(ct);
        var districts = await db.Units.Where(u => u.ParentId == group).OrderBy(u => u.Order).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        districts.Count.ShouldBe(12);
        return (group, [.. districts.Select(d => (d.Id, d.Name))]);
    }
}
