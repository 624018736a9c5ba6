using System.Text.Json;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The letter first, then each level's decision, in a real browser: the Department publishes its letter, gives Thành
/// phố Cao Lãnh its share and publishes the detailed allocation; the city's officer then allocates, publishes the city's
/// decision, downloads its appendix as PDF, and finds the figures it fixes closed to any change.
/// </summary>
public sealed class DecisionsWalkTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const string OfficerName = "caolanh-quyet-dinh";
    private const string OfficerPassword = "cán bộ Cao Lãnh ban hành quyết định";
    private const int ProvincialPeopleCommitteeOffice = 2; // VP. UBND tỉnh, 65 in the 2020 plan

    [Fact]
    public async Task The_province_publishes_its_letter_and_detailed_allocation_then_the_district_allocates_publishes_and_downloads_its_PDF()
    {
        var (group, caoLanh, ward11) = await PrepareAsync();
        var scriptErrors = new List<string>();

        // The Department issues its letter on the day its numbers are ready.
        var admin = await portal.NewPageAsync();
        admin.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(admin, PortalServer.AdminUserName, PortalServer.AdminPassword);
        await admin.GotoAsync("/plans/1");
        await PortalBrowser.UntilInteractiveAsync(admin);
        await admin.GetByTestId("open-publish").ClickAsync();
        var letter = admin.GetByTestId("publish-dialog");
        await Expect(letter.GetByTestId("open-below-summary")).ToContainTextAsync("3.960");
        await InputOf(letter, "publish-number").FillAsync("1205/STTTT-CNTT");
        await InputOf(letter, "publish-date").FillAsync("28/12/2020");
        await InputOf(letter, "publish-signer").FillAsync("Giám đốc Nguyễn Văn An");
        await admin.GetByTestId("confirm-publish").ClickAsync();
        await Expect(admin.GetByTestId("plan-status")).ToHaveTextAsync("Đã ban hành");
        await Expect(admin.GetByTestId("plan-document")).ToContainTextAsync("1205/STTTT-CNTT — 28/12/2020");
        await Expect(admin.GetByTestId("decision-1").GetByTestId("decision-status")).ToHaveTextAsync("Đã ban hành");
        // The letter freezes the provincial rows, not how the group's 3.960 are split below.
        await Expect(admin.GetByTestId($"edit-{ProvincialPeopleCommitteeOffice}")).ToHaveCountAsync(0);

        await admin.GetByTestId($"toggle-{group}").ClickAsync();
        await admin.GetByTestId($"edit-{caoLanh}").ClickAsync();
        var editor = admin.GetByTestId("editor-row");
        await InputOf(editor, "quantity-input").FillAsync("300");
        await InputOf(editor, "reason-input").FillAsync("Giao cho thành phố Cao Lãnh theo phân bổ chi tiết");
        await editor.GetByTestId("save-quantity").ClickAsync();
        await Expect(admin.GetByTestId($"quantity-{caoLanh}")).ToHaveTextAsync("300");
        await Expect(admin.GetByTestId($"level-remaining-{group}")).ToHaveTextAsync("3.660");

        // The detailed allocation: the dialog says first what is still open below it.
        await admin.GetByTestId($"decision-{group}").GetByTestId("publish-decision").ClickAsync();
        var detailed = admin.GetByTestId("publish-decision-dialog");
        await Expect(detailed.GetByTestId("decision-open-below")).ToContainTextAsync("3.660");
        await InputOf(detailed, "decision-number").FillAsync("1210/STTTT-CNTT");
        await InputOf(detailed, "decision-date").FillAsync("30/12/2020");
        await InputOf(detailed, "decision-signer").FillAsync("Giám đốc Nguyễn Văn An");
        await Screenshots.TakeAsync(admin, "decision-detailed-dialog.png");
        await admin.GetByTestId("confirm-decision").ClickAsync();
        await Expect(admin.GetByTestId($"decision-{group}").GetByTestId("decision-status")).ToHaveTextAsync("Đã ban hành");
        await Expect(admin.GetByTestId($"decision-{group}").GetByTestId("decision-reference")).ToContainTextAsync("1210/STTTT-CNTT");

        // The city's officer allocates inside the frozen share and issues the city's decision.
        var officer = await portal.NewPageAsync();
        officer.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(officer, OfficerName, OfficerPassword);
        await officer.GotoAsync($"/plans/1/districts/{caoLanh}");
        await PortalBrowser.UntilInteractiveAsync(officer);
        await Expect(officer.GetByTestId("district-quota")).ToHaveTextAsync("300");
        await Expect(officer.GetByTestId("district-decision").GetByTestId("decision-status")).ToHaveTextAsync("Dự thảo");
        await officer.GetByTestId("add-standard-agencies").ClickAsync();
        await Expect(officer.Locator("[data-unit-name='Phòng Nội vụ']")).ToHaveCountAsync(1);
        await officer.GetByTestId("begin-bulk-edit").ClickAsync();
        await officer.GetByTestId($"unit-{ward11}").Locator("input").FillAsync("40");
        await officer.Locator("[data-unit-name='Phòng Nội vụ']").Locator("input").FillAsync("10");
        await Expect(officer.GetByTestId("draft-remaining")).ToContainTextAsync("250");
        await InputOf(officer.Locator("body"), "bulk-reason").First.FillAsync("Phân bổ cho phường và phòng chuyên môn");
        await officer.GetByTestId("save-bulk").ClickAsync();
        await Expect(officer.GetByTestId("district-handed-on")).ToHaveTextAsync("50");

        await officer.GetByTestId("district-decision").GetByTestId("publish-decision").ClickAsync();
        var own = officer.GetByTestId("publish-decision-dialog");
        await Expect(own.GetByTestId("decision-open-below")).ToContainTextAsync("250");
        await InputOf(own, "decision-number").FillAsync("15/QĐ-UBND");
        await InputOf(own, "decision-date").FillAsync("05/01/2021");
        await InputOf(own, "decision-signer").FillAsync("Chủ tịch Lê Văn Bình");
        await officer.GetByTestId("confirm-decision").ClickAsync();
        var decision = officer.GetByTestId("district-decision");
        await Expect(decision.GetByTestId("decision-status")).ToHaveTextAsync("Đã ban hành");
        await Expect(decision.GetByTestId("decision-reference")).ToContainTextAsync("15/QĐ-UBND");
        await Expect(officer.GetByTestId("workspace-locked")).ToContainTextAsync("Quyết định phân bổ của đơn vị đã ban hành");
        await Expect(officer.GetByTestId("begin-bulk-edit")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(officer, "decision-district-published.png");

        // The PDF to attach to the decision: its heading, the reference line of the decision, the rows and the total.
        var download = await officer.RunAndWaitForDownloadAsync(() => decision.GetByTestId("decision-appendix-pdf").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var text = PdfText(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        text.ShouldStartWith("Phụ lục", customMessage: "a published decision's appendix carries no draft mark");
        text.ShouldContain("(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 01 năm 2021 của UBND Thành phố Cao Lãnh)");
        text.ShouldContain("Phường 11 40");
        text.ShouldContain("Phòng Nội vụ 10");
        text.ShouldContain("TỔNG CỘNG 50");

        // A figure the decision fixes cannot be changed on another path either: the Excel import says why.
        await officer.GotoAsync($"/plans/1/import?unitId={caoLanh}");
        await PortalBrowser.UntilInteractiveAsync(officer);
        var template = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("import-download-template").ClickAsync());
        var changed = WorkbookFiles.WithQuantities(
            await File.ReadAllBytesAsync(await template.PathAsync(), TestContext.Current.CancellationToken), new Dictionary<string, int> { ["Phường 11"] = 45 });
        await ExcelUpload.ChooseAsync(officer, ExcelUpload.Payload(changed, "mau-cao-lanh.xlsx"), officer.GetByTestId("import-error"));
        await Expect(officer.GetByTestId("import-error")).ToContainTextAsync(
            "Phường 11: Quyết định phân bổ của Thành phố Cao Lãnh đã ban hành nên số liệu và danh sách đơn vị cấp này đã khóa, không thể sửa.");
        await Expect(officer.GetByTestId("import-apply")).ToBeDisabledAsync();
        await Screenshots.TakeAsync(officer, "decision-locked-import.png");

        // What the data then is: every level as the API tells it, and the ward's figure unchanged.
        var levels = await JsonAsync(officer, "/api/v1/plans/1/decisions");
        var city = levels.RootElement.EnumerateArray().Single(l => l.GetProperty("issuingUnitId").GetInt32() == caoLanh);
        city.GetProperty("status").GetString().ShouldBe("Published");
        city.GetProperty("documentNumber").GetString().ShouldBe("15/QĐ-UBND");
        city.GetProperty("documentDate").GetString().ShouldBe("2021-01-05");
        city.GetProperty("remaining").GetInt32().ShouldBe(250);
        var all = await JsonAsync(admin, "/api/v1/plans/1/decisions");
        all.RootElement.EnumerateArray().Single(l => l.GetProperty("issuingUnitId").GetInt32() == group).GetProperty("status").GetString().ShouldBe("Published");
        await officer.GotoAsync($"/plans/1/districts/{caoLanh}");
        await Expect(officer.GetByTestId($"quantity-{ward11}")).ToHaveTextAsync("40");

        await Expect(admin.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(officer.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private static async Task<JsonDocument> JsonAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        response.Status.ShouldBe(200);
        return JsonDocument.Parse(await response.TextAsync());
    }

    private static ILocator InputOf(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input");

    /// <summary>The group and the city with one of its wards, and the city's officer account.</summary>
    private async Task<(int Group, int CaoLanh, int Ward11)> PrepareAsync()
    {
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        var group = await db.Units.Where(u => u.Kind == UnitKind.DistrictGroup).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var officer = new PortalUser { UserName = OfficerName, ScopeUnitId = caoLanh };
        (await users.CreateAsync(officer, OfficerPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(officer, nameof(PortalRole.DistrictOfficer))).Succeeded.ShouldBeTrue();
        return (group, caoLanh, ward11);
    }
}
