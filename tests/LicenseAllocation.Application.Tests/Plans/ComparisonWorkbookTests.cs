using ClosedXML.Excel;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

public sealed class ComparisonWorkbookTests
{
    private static readonly PlanSummary Amendment = new(2, "Kế hoạch 2020", 2020, null, PlanStatus.Draft, null, 1, 5137, 5137, Version: 2, AmendmentOfId: 1);
    private static readonly PlanSummary Published = new(1, "Kế hoạch 2020", 2020, null, PlanStatus.Published, null, 1, 5137, 5137);

    private static IXLWorksheet Write(PlanComparisonResult comparison, out XLWorkbook workbook)
    {
        var stream = new MemoryStream();
        ComparisonWorkbook.Write(comparison, stream);
        stream.Position = 0;
        workbook = new XLWorkbook(stream);
        return workbook.Worksheet(1);
    }

    [Fact]
    public void Rows_carry_numbers_as_numbers_under_Vietnamese_headings()
    {
        var comparison = new PlanComparisonResult(Amendment, Published,
        [
            new ComparisonItem(2, null, "VP. UBND tỉnh", 1, 60, 65),
            new ComparisonItem(30, "866", "Thành phố Cao Lãnh", 3, 1240, 0),
        ]);

        var sheet = Write(comparison, out var workbook);
        using (workbook)
        {
            var header = ComparisonWorkbook.HeaderRow;
            Enumerable.Range(1, 6).Select(c => sheet.Cell(header, c).GetString())
                .ShouldBe(["STT", "Mã", "Tên đơn vị", "Số lượng theo phiên bản 2", "Số lượng theo phiên bản 1", "Chênh lệch"]);
            var first = sheet.Row(header + 1);
            first.Cell(3).GetString().ShouldBe("VP. UBND tỉnh");
            first.Cell(6).DataType.ShouldBe(XLDataType.Number);
            first.Cell(6).GetValue<int>().ShouldBe(-5);
            first.Cell(4).Style.NumberFormat.Format.ShouldBe("#,##0");
            sheet.Row(header + 2).Cell(2).GetString().ShouldBe("866");
            sheet.Row(header + 2).Cell(2).DataType.ShouldBe(XLDataType.Text, "a code keeps its form");
            var total = sheet.Row(header + 3);
            total.Cell(3).GetString().ShouldBe(ComparisonWorkbook.TotalLabel);
            total.Cell(4).GetValue<int>().ShouldBe(5137);
        }
    }

    [Fact]
    public void The_sheet_prints_on_A4_in_Times_New_Roman_with_explicit_widths()
    {
        var sheet = Write(new PlanComparisonResult(Amendment, Published, []), out var workbook);
        using (workbook)
        {
            sheet.PageSetup.PaperSize.ShouldBe(XLPaperSize.A4Paper);
            sheet.Cell(ComparisonWorkbook.HeaderRow, 3).Style.Font.FontName.ShouldBe("Times New Roman");
            Enumerable.Range(1, 6).Select(c => sheet.Column(c).Width).ShouldBe(ComparisonWorkbook.ColumnWidths);
            sheet.Cell(ComparisonWorkbook.FirstDataRow, 1).GetString().ShouldBe(ComparisonWorkbook.NoDifference);
        }
    }

    [Fact]
    public void A_unit_name_that_looks_like_a_formula_stays_text()
    {
        var sheet = Write(new PlanComparisonResult(Amendment, Published, [new ComparisonItem(9, null, "=HYPERLINK(\"x\")", 1, 1, 0)]), out var workbook);
        using (workbook)
        {
            var cell = sheet.Cell(ComparisonWorkbook.FirstDataRow, 3);
            cell.HasFormula.ShouldBeFalse();
            cell.GetString().ShouldBe("'=HYPERLINK(\"x\")");
        }
    }
}
