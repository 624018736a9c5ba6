using ClosedXML.Excel;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Exports;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// Writes a comparison of two plans as a one-sheet workbook for the file: the units whose quantity differs, in tree
/// order, with both quantities and the difference, and the two plans' totals. Same print conventions as the appendix
/// (Times New Roman, A4, Decree 30's margins, the column headings on every page: <see cref="OfficialPrint"/>), landscape for its six columns.
/// </summary>
public static class ComparisonWorkbook
{
    public const string SheetName = "So sánh";
    public const string Title = "BẢNG SO SÁNH SỐ LƯỢNG BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC";
    public const string TotalLabel = "Tổng số bản quyền của kế hoạch";
    public const string NoDifference = "Không có đơn vị nào có số lượng khác nhau giữa hai kế hoạch.";
    public const string NumberFormat = AppendixWorkbook.NumberFormat;

    /// <summary>STT, code, name, two quantities and the difference, in Excel's character units (about 20.5 cm, inside A4 landscape's 24.7 cm).</summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [6, 10, 46, 18, 18, 14];

    public const int TitleRow = 1;
    public const int SubtitleRow = 2;
    public const int HeaderRow = 4;
    public const int FirstDataRow = HeaderRow + 1;

    private const double LineHeight = 17;

    /// <summary>The six column headings for these two plans.</summary>
    public static IReadOnlyList<string> Columns(PlanComparisonResult comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return
        [
            "STT",
            "Mã",
            "Tên đơn vị",
            $"Số lượng theo {Label(comparison.Plan, comparison.Other)}",
            $"Số lượng theo {Label(comparison.Other, comparison.Plan)}",
            "Chênh lệch",
        ];
    }

    /// <summary>"phiên bản 2" between versions of one plan; the name and year between different plans.</summary>
    public static string Label(PlanSummary plan, PlanSummary other)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(other);
        return plan.Name == other.Name && plan.Year == other.Year
            ? $"phiên bản {plan.Version}"
            : $"kế hoạch \"{plan.Name}\" năm {plan.Year} (phiên bản {plan.Version})";
    }

    public static void Write(PlanComparisonResult comparison, Stream output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);

        using var workbook = new XLWorkbook();
        workbook.Properties.Author = AppendixWorkbook.Author;
        workbook.Properties.Title = Title;
        workbook.Style.Font.FontName = AppendixWorkbook.FontName;
        workbook.Style.Font.FontSize = AppendixWorkbook.TableFontSize;

        var sheet = workbook.AddWorksheet(SheetName);
        for (var i = 0; i < ColumnWidths.Count; i++)
        {
            sheet.Column(i + 1).Width = ColumnWidths[i];
        }

        Line(sheet, TitleRow, Title, bold: true);
        Line(sheet, SubtitleRow, $"So sánh {Label(comparison.Plan, comparison.Other)} với {Label(comparison.Other, comparison.Plan)} của kế hoạch \"{comparison.Plan.Name}\"", bold: false);
        var lastRow = WriteTable(sheet, comparison);

        var table = sheet.Range(HeaderRow, 1, lastRow, ColumnWidths.Count);
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        OfficialPrint.Apply(sheet, HeaderRow, XLPageOrientation.Landscape);
        OfficialPrint.Save(workbook, output);
    }

    private static int WriteTable(IXLWorksheet sheet, PlanComparisonResult comparison)
    {
        var columns = Columns(comparison);
        for (var i = 0; i < columns.Count; i++)
        {
            ExcelText.SetText(sheet.Cell(HeaderRow, i + 1), columns[i]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, ColumnWidths.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.WrapText = true;
        sheet.Row(HeaderRow).Height = LineHeight * 3;

        var row = FirstDataRow;
        foreach (var (item, index) in comparison.Items.Select((item, index) => (item, index)))
        {
            sheet.Cell(row, 1).SetValue(index + 1);
            sheet.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            ExcelText.SetText(sheet.Cell(row, 2), item.Code ?? string.Empty);
            var name = ExcelText.SetText(sheet.Cell(row, 3), item.Name);
            name.Style.Alignment.Indent = Math.Min(item.Depth, 15);
            name.Style.Alignment.WrapText = true;
            Number(sheet.Cell(row, 4), item.Quantity);
            Number(sheet.Cell(row, 5), item.OtherQuantity);
            Number(sheet.Cell(row, 6), item.Difference);
            row++;
        }

        if (comparison.Items.Count == 0)
        {
            ExcelText.SetText(sheet.Cell(row, 1), NoDifference);
            sheet.Range(row, 1, row, ColumnWidths.Count).Merge().Style.Font.Italic = true;
            row++;
        }

        ExcelText.SetText(sheet.Cell(row, 3), TotalLabel);
        Number(sheet.Cell(row, 4), comparison.Plan.TotalLicenses);
        Number(sheet.Cell(row, 5), comparison.Other.TotalLicenses);
        Number(sheet.Cell(row, 6), comparison.Plan.TotalLicenses - comparison.Other.TotalLicenses);
        sheet.Range(row, 1, row, ColumnWidths.Count).Style.Font.Bold = true;
        return row;
    }

    private static void Line(IXLWorksheet sheet, int row, string text, bool bold)
    {
        var cell = ExcelText.SetText(sheet.Cell(row, 1), text);
        cell.Style.Font.Bold = bold;
        cell.Style.Font.Italic = !bold;
        cell.Style.Font.FontSize = AppendixWorkbook.BodyFontSize;
        var range = sheet.Range(row, 1, row, ColumnWidths.Count).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.WrapText = true;
        sheet.Row(row).Height = LineHeight * 2;
    }

    private static void Number(IXLCell cell, int value)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = NumberFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }
}
