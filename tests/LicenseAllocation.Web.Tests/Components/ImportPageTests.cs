using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Pages.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The import page of a district officer: a file chosen is previewed at once; only a file without errors can be applied.</summary>
public sealed class ImportPageTests : ComponentTestContext
{
    private int _caoLanh;
    private int _ward11;
    private BunitAuthorizationContext _auth = default!;

    protected override void AddServices() => _auth = AddAuthorization();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private Caller Officer => new("caolanh", PortalRole.DistrictOfficer, _caoLanh);

    /// <summary>Call after <see cref="ComponentTestContext.UseCulture"/> in the test itself: a culture set in here would not outlive this method.</summary>
    private async Task<IRenderedComponent<ImportPage>> RenderAsOfficerAsync()
    {
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            _caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
            _ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync(Ct);
        }

        await Services.GetRequiredService<QuantityService>().ChangeAsync(
            new Caller("admin", PortalRole.ProvinceAdmin), new ChangeQuantity(1, _caoLanh, 300, "Giao cho thành phố"), Ct);
        _auth.SetAuthorized("caolanh");
        _auth.SetRoles(nameof(PortalRole.DistrictOfficer));
        _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, _caoLanh.ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/plans/1/import?unitId={_caoLanh}");
        return Render<ImportPage>(p => p.Add(i => i.PlanId, 1));
    }

    private async Task<byte[]> TemplateAsync(Action<ClosedXML.Excel.IXLWorksheet> fill)
    {
        var document = await Services.GetRequiredService<TemplateQuery>().GetAsync(Officer, 1, _caoLanh, Ct);
        using var output = new MemoryStream();
        TemplateWorkbook.Write(document.Value!, output);
        return WorkbookFiles.Edit(output.ToArray(), workbook => fill(workbook.Worksheet(1)));
    }

    private static void Upload(IRenderedComponent<ImportPage> page, byte[] file) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "mau-phan-bo.xlsx"));

    [Fact]
    public async Task A_filled_template_is_previewed_with_old_and_new_and_applied_with_a_reason()
    {
        UseCulture("vi-VN");
        var page = await RenderAsOfficerAsync();
        var file = await TemplateAsync(sheet => WorkbookFiles.QuantityCell(sheet, "Phường 11").SetValue(40));

        Upload(page, file);

        page.WaitForAssertion(() => page.Find($"[data-testid='import-change-{_ward11}']").TextContent.ShouldContain("Phường 11"));
        page.Find($"[data-testid='import-change-{_ward11}'] [data-testid='import-change-new']").TextContent.ShouldBe("40");
        page.Find("[data-testid='import-source']").TextContent.ShouldContain("Mẫu phân bổ của Thành phố Cao Lãnh");
        page.FindAll("[data-testid='import-errors']").ShouldBeEmpty();
        page.Find("button[data-testid='import-apply']").HasAttribute("disabled").ShouldBeFalse();

        page.Find("input[data-testid='import-reason']").Input("Phân bổ theo mẫu Excel");
        page.Find("button[data-testid='import-apply']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='import-applied']").TextContent.ShouldContain("Đã áp dụng 1 thay đổi"));
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        (await db.Nodes.SingleAsync(n => n.UnitId == _ward11, Ct)).Quantity.ShouldBe(40);
    }

    [Fact]
    public async Task The_preview_shows_the_districts_totals_and_the_document_typed_is_kept_on_the_audit_rows()
    {
        UseCulture("vi-VN");
        var page = await RenderAsOfficerAsync();
        var file = await TemplateAsync(sheet => WorkbookFiles.QuantityCell(sheet, "Phường 11").SetValue(40));

        Upload(page, file);

        page.WaitForAssertion(() => page.Find("[data-testid='import-totals-remaining']").TextContent.ShouldContain("300"));
        page.Find("[data-testid='import-totals-handed-on']").Children.Select(c => c.TextContent.Trim()).ShouldBe(["Đã phân bổ tiếp", "0", "40"]);
        page.Find("[data-testid='import-totals-remaining']").Children.Select(c => c.TextContent.Trim()).ShouldBe(["Còn lại", "300", "260"]);
        page.Find("input[data-testid='import-reason']").Input("Phân bổ theo mẫu Excel");
        page.Find("input[data-testid='import-document-ref']").Input("Quyết định số 45/QĐ-UBND ngày 10/02/2021");
        page.Find("button[data-testid='import-apply']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='import-applied']").TextContent.ShouldContain("Đã áp dụng 1 thay đổi"));
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        (await db.AuditEntries.Where(a => a.UnitId == _ward11).Select(a => a.DocumentRef).SingleAsync(Ct)).ShouldBe("Quyết định số 45/QĐ-UBND ngày 10/02/2021");
    }

    [Fact]
    public async Task A_district_officer_who_chooses_the_provinces_appendix_is_told_to_take_the_districts_template()
    {
        UseCulture("vi-VN");
        var page = await RenderAsOfficerAsync();
        var appendix = (await Services.GetRequiredService<LicenseAllocation.Application.Appendix.AppendixExport>()
            .GetWorkbookAsync(new Caller("admin", PortalRole.ProvinceAdmin), 1, Ct)).Value!.Content;

        Upload(page, appendix);

        page.WaitForAssertion(() => page.Find("[data-testid='import-error']").GetAttribute("data-code").ShouldBe("province-appendix"));
        page.Find("[data-testid='import-error']").TextContent.ShouldContain("Đây là phụ lục của cả tỉnh");
        page.Find("[data-testid='import-error']").TextContent.ShouldContain("mẫu của Thành phố Cao Lãnh");
        page.FindAll("[data-testid='import-totals']").ShouldBeEmpty();
        page.Find("button[data-testid='import-apply']").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task The_preview_says_how_many_needs_the_file_restates_and_a_file_that_changes_only_needs_can_be_applied()
    {
        UseCulture("vi-VN");
        var page = await RenderAsOfficerAsync();
        var file = await TemplateAsync(sheet =>
        {
            var needColumn = WorkbookFiles.TextCell(sheet, TemplateLayout.NeedHeader).Address.ColumnNumber;
            sheet.Cell(WorkbookFiles.TextCell(sheet, "Phường 11").Address.RowNumber, needColumn).SetValue(55);
            sheet.Cell(WorkbookFiles.TextCell(sheet, "Phường 1").Address.RowNumber, needColumn).SetValue(70);
        });

        Upload(page, file);

        page.WaitForAssertion(() => page.Find("[data-testid='import-need-changes']").TextContent.ShouldContain("số máy tính cần bảo vệ của 2 đơn vị"));
        page.FindAll("[data-testid='import-no-change']").ShouldBeEmpty();
        page.FindAll("[data-testid='import-errors']").ShouldBeEmpty();
        page.Find("input[data-testid='import-reason']").Input("Kê khai nhu cầu theo mẫu Excel");
        page.Find("button[data-testid='import-apply']").HasAttribute("disabled").ShouldBeFalse();
        page.Find("button[data-testid='import-apply']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='import-need-changes']").TextContent.ShouldContain("Đã cập nhật số máy tính cần bảo vệ của 2 đơn vị"));
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        (await db.UnitNeeds.SingleAsync(n => n.UnitId == _ward11, Ct)).Computers.ShouldBe(55);
    }

    [Fact]
    public async Task A_file_with_errors_lists_each_with_its_row_and_column_and_cannot_be_applied()
    {
        UseCulture("vi-VN");
        var page = await RenderAsOfficerAsync();
        var file = await TemplateAsync(sheet =>
        {
            WorkbookFiles.QuantityCell(sheet, "Phường 11").SetValue<string>("bốn mươi");
            WorkbookFiles.QuantityCell(sheet, "Phường 1").SetValue(10);
        });

        Upload(page, file);

        page.WaitForAssertion(() => page.FindAll("[data-testid='import-error']").Count.ShouldBe(1));
        var error = page.Find("[data-testid='import-error']");
        error.GetAttribute("data-code").ShouldBe("quantity-not-a-number");
        error.TextContent.ShouldContain(TemplateWorkbook.FirstDataRow.ToString(CultureInfo.InvariantCulture));
        error.TextContent.ShouldContain("Số lượng phải là một số, ô đang chứa \"bốn mươi\".");
        page.Find("button[data-testid='import-apply']").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task The_page_speaks_English_when_the_reader_chose_it()
    {
        UseCulture("en-US");
        var page = await RenderAsOfficerAsync();

        Upload(page, HostileFiles.LegacyXls());

        page.WaitForAssertion(() => page.Find("[data-testid='import-error']").TextContent.ShouldContain("Excel 97-2003"));
        page.Find("[data-testid='import-title']").TextContent.Trim().ShouldBe("Import quantities from Excel");
    }
}
