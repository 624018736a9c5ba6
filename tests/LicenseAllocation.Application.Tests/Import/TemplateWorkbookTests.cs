using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>The template of Thành phố Cao Lãnh as the portal writes it, read back cell by cell.</summary>
public sealed class TemplateWorkbookTests : IAsyncLifetime
{
    private ImportBed _bed = default!;
    private XLWorkbook _workbook = default!;
    private IXLWorksheet _sheet = default!;

    public async ValueTask InitializeAsync()
    {
        _bed = await ImportBed.CreateAsync();
        _workbook = new XLWorkbook(new MemoryStream(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh)));
        _sheet = _workbook.Worksheet(1);
    }

    public async ValueTask DisposeAsync()
    {
        _workbook.Dispose();
        await _bed.DisposeAsync();
    }

    private int TotalRow => WorkbookFiles.TextCell(_sheet, TemplateLayout.TotalLabel).Address.RowNumber;

    [Fact]
    public void The_template_names_its_plan_and_unit_beside_labels_the_importer_reads()
    {
        _sheet.Name.ShouldBe("Phân bổ");
        _sheet.Cell(TemplateWorkbook.TitleRow, 1).GetString().ShouldBe("MẪU PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC");
        _sheet.Cell(TemplateWorkbook.UnitRow, 1).GetString().ShouldBe("Đơn vị phân bổ: Thành phố Cao Lãnh (mã 866)");
        WorkbookFiles.TextCell(_sheet, "Mã kế hoạch").CellRight().GetValue<int>().ShouldBe(_bed.PlanId);
        WorkbookFiles.TextCell(_sheet, "Mã đơn vị phân bổ").CellRight().GetValue<int>().ShouldBe(_bed.CaoLanh);
        WorkbookFiles.TextCell(_sheet, "Số lượng được giao").CellRight().GetValue<int>().ShouldBe(300);
    }

    [Fact]
    public void One_row_per_active_child_with_its_code_as_text_and_its_quantity_as_a_number()
    {
        var header = TemplateWorkbook.HeaderRow;
        Enumerable.Range(1, 4).Select(c => _sheet.Cell(header, c).GetString()).ShouldBe(["STT", "Mã đơn vị", "Tên đơn vị", "Số lượng"]);
        var first = _sheet.Row(TemplateWorkbook.FirstDataRow);
        first.Cell(1).GetValue<int>().ShouldBe(1);
        first.Cell(2).DataType.ShouldBe(XLDataType.Text);
        first.Cell(2).GetString().ShouldBe("29863");
        first.Cell(3).GetString().ShouldBe("Phường 11");
        first.Cell(4).DataType.ShouldBe(XLDataType.Number);
        first.Cell(4).Style.NumberFormat.Format.ShouldBe("#,##0");
        (TotalRow - TemplateWorkbook.FirstDataRow).ShouldBe(15); // the city's 15 wards and communes
    }

    [Fact]
    public void Remaining_is_a_live_formula_of_the_quota_less_the_quantity_column()
    {
        _sheet.Cell(TotalRow, 4).FormulaA1.ShouldBe($"SUM(D{TemplateWorkbook.FirstDataRow}:D{TotalRow - 1})");
        WorkbookFiles.TextCell(_sheet, "Còn lại chưa phân bổ").CellRight().FormulaA1.ShouldBe($"D{TemplateWorkbook.QuotaRow}-D{TotalRow}");
    }

    [Fact]
    public void Only_the_quantity_and_need_cells_are_unlocked_on_a_sheet_protected_without_a_password()
    {
        _sheet.Protection.IsProtected.ShouldBeTrue();
        _sheet.Protection.IsPasswordProtected.ShouldBeFalse();
        _sheet.Cell(TemplateWorkbook.FirstDataRow, 4).Style.Protection.Locked.ShouldBeFalse();
        _sheet.Cell(TemplateWorkbook.FirstDataRow, 5).Style.Protection.Locked.ShouldBeFalse();
        _sheet.Cell(TemplateWorkbook.FirstDataRow, 3).Style.Protection.Locked.ShouldBeTrue();
        _sheet.Cell(TemplateWorkbook.PlanCodeRow, 4).Style.Protection.Locked.ShouldBeTrue();
    }

    [Fact]
    public void The_sheet_prints_on_A4_portrait_in_Times_New_Roman_with_explicit_widths()
    {
        _sheet.PageSetup.PaperSize.ShouldBe(XLPaperSize.A4Paper);
        _sheet.PageSetup.PageOrientation.ShouldBe(XLPageOrientation.Portrait);
        _sheet.Cell(TemplateWorkbook.FirstDataRow, 3).Style.Font.FontName.ShouldBe("Times New Roman");
        Enumerable.Range(1, 5).Select(c => _sheet.Column(c).Width).ShouldBe(TemplateWorkbook.ColumnWidths);
    }

    [Fact]
    public void The_instructions_are_on_the_sheet_in_Vietnamese()
    {
        _sheet.Cell(TemplateWorkbook.InstructionsRow, 1).GetString().ShouldBe("Hướng dẫn:");
        _sheet.Cell(TemplateWorkbook.InstructionsRow + 1, 1).GetString().ShouldStartWith("1. Chỉ nhập vào cột \"Số lượng\"");
    }

    [Fact]
    public async Task The_quantity_and_need_columns_accept_only_whole_numbers_of_0_or_more_in_Excel()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh)), false);
        var validations = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DataValidation>().ToList();
        validations.ShouldAllBe(v => v.Type!.Value == DataValidationValues.Whole && v.Operator!.Value == DataValidationOperatorValues.GreaterThanOrEqual);
        validations.Select(v => v.SequenceOfReferences!.InnerText).ShouldBe(
            [$"D{TemplateWorkbook.FirstDataRow}:D{TotalRow - 1}", $"E{TemplateWorkbook.FirstDataRow}:E{TotalRow - 1}"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_deactivated_child_is_left_out_of_the_template()
    {
        var ward11 = await _bed.UnitIdAsync("29863");
        (await _bed.Units.UpdateUnitAsync(ImportBed.Admin, _bed.PlanId, ward11, null, null, false, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();

        var document = await _bed.Templates.GetAsync(_bed.CaoLanhOfficer, _bed.PlanId, _bed.CaoLanh, TestContext.Current.CancellationToken);

        document.Value!.Rows.Select(r => r.Name).ShouldNotContain("Phường 11");
        document.Value.Rows.Select(r => r.Number).ShouldBe(Enumerable.Range(1, 14));
    }

    [Fact]
    public async Task An_officer_cannot_download_another_district_s_template_and_an_unknown_unit_is_not_found()
    {
        (await _bed.Templates.GetAsync(_bed.CaoLanhOfficer, _bed.PlanId, _bed.SaDec, TestContext.Current.CancellationToken)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await _bed.Templates.GetAsync(ImportBed.Admin, _bed.PlanId, 999_999, TestContext.Current.CancellationToken)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
        (await _bed.Templates.GetAsync(new Caller("kiem-tra", PortalRole.Auditor), _bed.PlanId, _bed.SaDec, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
    }
}
