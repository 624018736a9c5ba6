using ClosedXML.Excel;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Needs;

/// <summary>
/// The coverage report as a workbook: one row per unit in tree order with its own figures (need, allocated share,
/// self-purchased, covered, shortfall, surplus, %), a bold subtotal after each district's units (the district's subtree),
/// and the total of the report's first unit. Printed under Decree 30 like every official workbook (<see cref="OfficialPrint"/>),
/// landscape for its ten columns.
/// </summary>
public static class CoverageWorkbook
{
    public const string SheetName = "Mức bảo đảm";
    public const string Title = "MỨC BẢO ĐẢM BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC SO VỚI NHU CẦU";
    public const string TotalLabel = "Tổng cộng";
    public const string SubtotalPrefix = "Cộng ";
    public const int HeaderRow = 4;
    public const int FirstDataRow = HeaderRow + 1;
    public const double TableFontSize = 12;

    public static readonly IReadOnlyList<string> Columns =
        ["STT", "Mã", "Tên đơn vị", "Số máy tính cần bảo vệ", "Được phân bổ", "Tự mua", "Đã bảo đảm", "Còn thiếu", "Dư", "Tỷ lệ (%)"];

    /// <summary>Explicit widths (ClosedXML does not measure): 118 character units, inside A4 landscape between the margins.</summary>
    public static readonly IReadOnlyList<double> Widths = [6, 8, 36, 12, 11, 9, 11, 9, 8, 8];

    public static void Write(CoverageReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Properties.Author = AppendixWorkbook.Author;
        workbook.Properties.Title = Title;
        workbook.Style.Font.FontName = OfficialPrint.FontName;
        workbook.Style.Font.FontSize = TableFontSize;
        var sheet = workbook.AddWorksheet(SheetName);
        for (var i = 0; i < Widths.Count; i++)
        {
            sheet.Column(i + 1).Width = Widths[i];
        }

        Line(sheet, 1, Title, bold: true);
        Line(sheet, 2, report.PlanName, bold: false);
        for (var i = 0; i < Columns.Count; i++)
        {
            ExcelText.SetText(sheet.Cell(HeaderRow, i + 1), Columns[i]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, Columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.WrapText = true;
        sheet.Row(HeaderRow).Height = TextLines.LineHeight * 3;

        var row = FirstDataRow;
        var open = new Stack<(CoverageLine District, int Depth)>();
        var number = 0;
        foreach (var line in report.Items)
        {
            while (open.Count > 0 && line.Depth <= open.Peek().Depth)
            {
                var done = open.Pop().District;
                row = Figures(sheet, row, SubtotalPrefix + done.Name, done.Subtree, bold: true);
            }

            sheet.Cell(row, 1).SetValue(++number);
            ExcelText.SetText(sheet.Cell(row, 2), line.Code ?? string.Empty);
            row = Figures(sheet, row, line.Name, line.Own, bold: false);
            if (line.Kind == UnitKind.DistrictCommittee)
            {
                open.Push((line, line.Depth));
            }
        }

        while (open.Count > 0)
        {
            var done = open.Pop().District;
            row = Figures(sheet, row, SubtotalPrefix + done.Name, done.Subtree, bold: true);
        }

        row = Figures(sheet, row, TotalLabel, report.Total, bold: true);
        var table = sheet.Range(HeaderRow, 1, row - 1, Columns.Count);
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(FirstDataRow, 3, row - 1, 3).Style.Alignment.WrapText = true;
        OfficialPrint.Apply(sheet, HeaderRow, XLPageOrientation.Landscape);

        using var package = new MemoryStream();
        workbook.SaveAs(package);
        OfficialPrint.MakePrintTitlesAbsolute(package);
        package.Position = 0;
        package.CopyTo(output);
    }

    private static int Figures(IXLWorksheet sheet, int row, string name, CoverageFigures figures, bool bold)
    {
        ExcelText.SetText(sheet.Cell(row, 3), name);
        Number(sheet.Cell(row, 4), figures.Need);
        Number(sheet.Cell(row, 5), figures.Allocated);
        Number(sheet.Cell(row, 6), figures.SelfPurchased);
        Number(sheet.Cell(row, 7), figures.Covered);
        Number(sheet.Cell(row, 8), figures.Shortfall);
        Number(sheet.Cell(row, 9), figures.Surplus);
        if (figures.CoveragePercent is { } percent)
        {
            sheet.Cell(row, 10).SetValue(percent);
            sheet.Cell(row, 10).Style.NumberFormat.Format = "0.0";
        }

        sheet.Row(row).Height = TextLines.LineHeight * TextLines.Estimate(name, Widths[2], TableFontSize, bold);
        if (bold)
        {
            sheet.Range(row, 1, row, Columns.Count).Style.Font.Bold = true;
        }

        return row + 1;
    }

    private static void Number(IXLCell cell, int value)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = OfficialPrint.NumberFormat;
    }

    private static void Line(IXLWorksheet sheet, int row, string text, bool bold)
    {
        var cell = ExcelText.SetText(sheet.Cell(row, 1), text);
        cell.Style.Font.Bold = bold;
        cell.Style.Font.Italic = !bold;
        var range = sheet.Range(row, 1, row, Columns.Count).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.WrapText = true;
        sheet.Row(row).Height = TextLines.LineHeight * TextLines.Estimate(text, Widths.Sum(), 13, bold);
    }
}
