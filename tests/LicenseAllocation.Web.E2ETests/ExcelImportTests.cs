using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>A district officer allocates through Excel in a real browser: download the template, fill it, upload, preview, apply.</summary>
public sealed class ExcelImportTests(PortalBrowser portal) : IClassFixture<PortalBrowser>
{
    private const string OfficerName = "caolanh-excel";
    private const string OfficerPassword = "cán bộ Cao Lãnh dùng Excel";

    [Fact]
    public async Task District_officer_downloads_the_template_fills_it_uploads_previews_and_applies_it()
    {
        var (caoLanh, ward11) = await PrepareAsync();
        var page = await portal.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await portal.SignInAsync(page, OfficerName, OfficerPassword);

        await page.GotoAsync($"/plans/1/districts/{caoLanh}");
        await Expect(page.GetByTestId("district-quota")).ToHaveTextAsync("300");
        // The live render replaces the prerendered toolbar: a click that lands on the replaced link starts nothing.
        await PortalBrowser.UntilInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-template").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var template = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        // Filled in "Excel": two wards, one of them with a decimal first.
        var wrong = WorkbookFiles.Edit(template, workbook => WorkbookFiles.QuantityCell(workbook.Worksheet(1), "Phường 11").SetValue(40.5));
        var filled = WorkbookFiles.WithQuantities(template, new Dictionary<string, int> { ["Phường 11"] = 40, ["Phường 1"] = 60 });

        await page.GotoAsync($"/plans/1/import?unitId={caoLanh}");
        // The file input only reaches the server once the live connection is up.
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("import-choose-file")).ToBeEnabledAsync();
        await ExcelUpload.ChooseAsync(page, Payload(wrong), page.GetByTestId("import-error"));
        await Expect(page.GetByTestId("import-error")).ToContainTextAsync("Số lượng phải là số nguyên, ô đang chứa 40,5.");
        await Expect(page.GetByTestId("import-apply")).ToBeDisabledAsync();

        await page.Locator("input[type=file]").First.SetInputFilesAsync(Payload(filled));
        await Expect(page.GetByTestId($"import-change-{ward11}")).ToContainTextAsync("Phường 11");
        await Expect(page.GetByTestId($"import-change-{ward11}").GetByTestId("import-change-new")).ToHaveTextAsync("40");
        await Expect(page.GetByTestId("import-error")).ToHaveCountAsync(0);
        await page.GetByTestId("import-reason").Locator("input").Or(page.Locator("input[data-testid=import-reason]")).First.FillAsync("Phân bổ đợt 1 theo mẫu Excel");
        await Screenshots.TakeAsync(page, "district-import-preview.png");
        await page.GetByTestId("import-apply").ClickAsync();
        await Expect(page.GetByTestId("import-applied")).ToContainTextAsync("Đã áp dụng 2 thay đổi");

        await page.GotoAsync($"/plans/1/districts/{caoLanh}");
        await Expect(page.GetByTestId("district-handed-on")).ToHaveTextAsync("100");
        await Expect(page.GetByTestId($"quantity-{ward11}")).ToHaveTextAsync("40");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        scriptErrors.ShouldBeEmpty();
    }

    private static FilePayload Payload(byte[] file) => ExcelUpload.Payload(file, "mau-phan-bo-cao-lanh.xlsx");

    /// <summary>The province gives Thành phố Cao Lãnh 300 licences and creates its officer's account.</summary>
    private async Task<(int CaoLanh, int Ward11)> PrepareAsync()
    {
        await using var scope = portal.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        var caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync();
        var ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync();

        var admin = new Caller(PortalServer.AdminUserName, PortalRole.ProvinceAdmin);
        (await scope.ServiceProvider.GetRequiredService<QuantityService>()
            .ChangeAsync(admin, new ChangeQuantity(1, caoLanh, 300, "Giao cho thành phố Cao Lãnh"))).Succeeded.ShouldBeTrue();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var officer = new PortalUser { UserName = OfficerName, ScopeUnitId = caoLanh };
        (await users.CreateAsync(officer, OfficerPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(officer, nameof(PortalRole.DistrictOfficer))).Succeeded.ShouldBeTrue();
        return (caoLanh, ward11);
    }
}
