using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Pages.Reorganisations;
using LicenseAllocation.Web.Components.Reorganisations;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The administrator's import of another reorganisation on the reorganisations page: preview, problems by row, record.</summary>
public sealed class ReorganisationImportTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private async Task SeedAsync() => (await Services.GetRequiredService<DongThap2025Seeder>().SeedAsync(Ct)).ShouldBeTrue();

    private async Task<int> CountAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Reorganisations.CountAsync(Ct);
    }

    [Fact]
    public async Task A_good_file_is_previewed_with_what_each_new_unit_is_formed_from_then_recorded()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        var recorded = 0;
        var cut = Render<ReorganisationImport>(p => p.Add(c => c.Caller, Admin).Add(c => c.OnRecorded, () => recorded++));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(ReorganisationFiles.Json(ReorganisationFiles.Valid()), "sap-xep.json"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=reorganisation-import-preview]").ShouldNotBeEmpty());
        cut.FindAll("[data-testid=reorganisation-import-refused]").ShouldBeEmpty(cut.Markup);
        cut.Find("[data-testid=reorganisation-import-preview]").TextContent
            .ShouldBe($"Tệp sap-xep.json: \"{ReorganisationFiles.Name}\", 6 đơn vị mới, hiệu lực từ 01/01/2026; 117 đơn vị cũ (kể cả đơn vị trực thuộc) kết thúc ngày 31/12/2025.");
        var units = cut.FindAll("[data-testid=reorganisation-import-unit]");
        units.Count.ShouldBe(6);
        units[3].TextContent.ShouldContain("Phường Mỹ Trà (29888) · một phần · 60 %");
        units[5].TextContent.ShouldContain("Xã Bình Minh cũ (90001) · chưa có trên cổng");
        (await CountAsync()).ShouldBe(1);

        cut.Find("[data-testid=reorganisation-import-apply]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=reorganisation-import-recorded]").TextContent.ShouldContain($"Đã ghi nhận \"{ReorganisationFiles.Name}\"."));
        recorded.ShouldBe(1);
        (await CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_file_with_problems_lists_each_by_sheet_row_and_column_and_offers_nothing_to_record()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        var file = ReorganisationFiles.Valid();
        file = file with { Communes = [file.Communes[0], file.Communes[1], file.Communes[2] with { Code = "29884" }] };
        var cut = Render<ReorganisationImport>(p => p.Add(c => c.Caller, Admin));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(ReorganisationFiles.Workbook(file), "sap-xep.xlsx"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=reorganisation-import-refused]").TextContent.Trim()
            .ShouldBe("Tệp sap-xep.xlsx có 1 lỗi, chưa ghi nhận gì. Sửa các dòng dưới đây rồi chọn lại tệp."));
        var issue = cut.Find("[data-testid=reorganisation-import-issue]");
        issue.GetAttribute("data-code").ShouldBe("unit-code-repeated");
        issue.QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(
            ["Đơn vị mới", "9", "B", "Mã 29884 đã dùng cho một đơn vị mới khác của tệp (dòng 7)."]);
        cut.FindAll("[data-testid=reorganisation-import-apply]").ShouldBeEmpty();
        (await CountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData(PortalRole.ProvinceAdmin, 1)]
    [InlineData(PortalRole.Auditor, 0)]
    [InlineData(PortalRole.DistrictOfficer, 0)]
    public async Task Only_the_administrator_sees_the_import_on_the_reorganisations_page(PortalRole role, int parts)
    {
        await SeedAsync();
        UseCulture("vi-VN");
        _auth.SetAuthorized(role.ToString().ToLowerInvariant());
        _auth.SetRoles(role.ToString());

        var page = Render<ReorganisationsPage>();
        page.WaitForElement("[data-testid='reorganisation-list']");

        page.FindAll("[data-testid='reorganisation-import']").Count.ShouldBe(parts);
    }
}
