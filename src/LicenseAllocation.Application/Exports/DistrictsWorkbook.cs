using System.Globalization;
using ClosedXML.Excel;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// Writes the districts' allocations as one workbook: a summary sheet with each district's quota, what it has handed on
/// and what remains, then one sheet per district listing its agencies and communes with their subtotals, the total
/// handed on and the quota, as the district's page in the portal shows them. Each sheet is a document that can go with
/// its decision, laid out after Decree 30/2020/NĐ-CP: "Phụ lục", the title on two lines that never wrap, the line
/// "(Kèm theo … số … ngày … của …)" of its decision (the Department's detailed allocation for the summary, the district's
/// own for its sheet), "DỰ THẢO" while that decision is a draft, and its own page numbers starting again at 1.
/// </summary>
public static class DistrictsWorkbook
{
    public const string SummarySheetName = "Tổng hợp";
    public const string Label = AppendixQuery.Label;
    public const string Title = "PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC";
    public const string SummaryHeading = "CÁC HUYỆN, THÀNH PHỐ";
    public const double HeadingFontSize = 13;
    public const double TableFontSize = 12;

    public const string TotalLabel = "Cộng";
    public const string AgenciesHeading = "I. Các cơ quan cấp huyện";
    public const string AgenciesSubtotal = "Cộng các cơ quan cấp huyện";
    public const string CommunesHeading = "II. UBND cấp xã";
    public const string CommunesSubtotal = "Cộng UBND cấp xã";
    public const string HandedOnLabel = "Tổng số đã phân bổ tiếp";
    public const string QuotaLabel = "Số lượng tỉnh giao";
    public const string RemainingLabel = "Còn lại chưa phân bổ";

    // Row layout: "Phụ lục", the title's two lines, the reference line, a blank row, then the table.
    public const int LabelRow = 1;
    public const int TitleRow = 2;
    public const int SubjectRow = 3;
    public const int ReferenceRow = 4;
    public const int HeaderRow = 6;
    public const int FirstDataRow = HeaderRow + 1;

    public static readonly IReadOnlyList<string> SummaryColumns = ["STT", "Mã", "UBND cấp huyện", "Được giao", "Đã phân bổ tiếp", "Còn lại"];
    public static readonly IReadOnlyList<string> DistrictColumns = ["STT", "Mã", "Tên đơn vị", "Loại", "Số lượng"];

    /// <summary>
    /// Both tables add up to 83 character units, the appendix's width: about 15.8 cm with padding, inside the 16 cm
    /// between the margins, so they print at full size on A4 portrait.
    /// </summary>
    public static readonly IReadOnlyList<double> SummaryWidths = [6, 8, 36, 11, 11, 11];

    public static readonly IReadOnlyList<double> DistrictWidths = [6, 9, 40, 16, 12];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static void Write(DistrictReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using var workbook = new XLWorkbook();
        workbook.Properties.Author = AppendixWorkbook.Author;
        workbook.Properties.Title = Title;
        workbook.Properties.Subject = report.PlanName;
        workbook.Style.Font.FontName = OfficialPrint.FontName;
        workbook.Style.Font.FontSize = TableFontSize;

        var names = new SheetNames();
        WriteSummary(workbook.AddWorksheet(names.Next(SummarySheetName)), report);
        foreach (var district in report.Districts)
        {
            WriteDistrict(workbook.AddWorksheet(names.Next(district.District.Name)), report.HeadingOf(district.District.UnitId), district);
        }

        using var package = new MemoryStream();
        workbook.SaveAs(package);
        OfficialPrint.MakePrintTitlesAbsolute(package);
        package.Position = 0;
        package.CopyTo(output);
    }

    private static void WriteSummary(IXLWorksheet sheet, DistrictReport report)
    {
        SetWidths(sheet, SummaryWidths);
        Heading(sheet, $"CỦA {SummaryHeading}", report.Summary, SummaryWidths);
        Header(sheet, SummaryColumns, SummaryWidths);

        var row = FirstDataRow;
        foreach (var (workspace, i) in report.Districts.Select((d, i) => (d, i + 1)))
        {
            var district = workspace.District;
            sheet.Cell(row, 1).SetValue(i);
            ExcelText.SetText(sheet.Cell(row, 2), district.Code ?? string.Empty);
            ExcelText.SetText(sheet.Cell(row, 3), district.Name);
            Quantity(sheet.Cell(row, 4), district.Quantity);
            Quantity(sheet.Cell(row, 5), district.HandedOn);
            Quantity(sheet.Cell(row, 6), district.Remaining);
            sheet.Row(row).Height = TextLines.LineHeight * TextLines.Estimate(district.Name, SummaryWidths[2], TableFontSize, bold: false);
            row++;
        }

        ExcelText.SetText(sheet.Cell(row, 3), TotalLabel);
        Quantity(sheet.Cell(row, 4), report.Districts.Sum(d => d.District.Quantity));
        Quantity(sheet.Cell(row, 5), report.Districts.Sum(d => d.District.HandedOn));
        Quantity(sheet.Cell(row, 6), report.Districts.Sum(d => d.District.Remaining));
        sheet.Range(row, 1, row, SummaryWidths.Count).Style.Font.Bold = true;

        FrameTable(sheet, row, SummaryWidths.Count);
        sheet.Range(FirstDataRow, 3, row - 1, 3).Style.Alignment.WrapText = true;
        Print(sheet, report.Summary);
    }

    /// <summary>The second line of a district sheet's title: "CỦA THÀNH PHỐ CAO LÃNH (MÃ 866)".</summary>
    public static string SubjectOf(UnitNodeView district)
    {
        ArgumentNullException.ThrowIfNull(district);
        var code = district.Code is null ? string.Empty : $" (MÃ {district.Code})";
        return $"CỦA {district.Name.ToUpper(Vietnamese)}{code}";
    }

    private static void WriteDistrict(IXLWorksheet sheet, DocumentHeading heading, DistrictWorkspace workspace)
    {
        var district = workspace.District;
        SetWidths(sheet, DistrictWidths);
        Heading(sheet, SubjectOf(district), heading, DistrictWidths);
        Header(sheet, DistrictColumns, DistrictWidths);

        // A deactivated unit holds 0 and receives nothing; the list names the units that take part.
        var units = workspace.Units.Where(u => u.Node.IsActive).Select(u => u.Node).ToList();
        var agencies = units.Where(u => u.Kind == UnitKind.DistrictAgency).ToList();
        var communes = units.Where(u => u.Kind == UnitKind.CommuneCommittee).ToList();

        var row = FirstDataRow;
        row = Group(sheet, row, AgenciesHeading, AgenciesSubtotal, agencies);
        row = Group(sheet, row, CommunesHeading, CommunesSubtotal, communes);
        row = Figure(sheet, row, HandedOnLabel, district.HandedOn);
        row = Figure(sheet, row, QuotaLabel, district.Quantity);
        var last = Figure(sheet, row, RemainingLabel, district.Remaining) - 1;

        FrameTable(sheet, last, DistrictWidths.Count);
        Print(sheet, heading);
    }

    /// <summary>Decree 30's page setup; the sheet is its own document, so its pages count from 1 whatever comes before it.</summary>
    private static void Print(IXLWorksheet sheet, DocumentHeading heading)
    {
        OfficialPrint.Apply(sheet, HeaderRow);
        sheet.PageSetup.FirstPageNumber = 1;
        if (heading.Draft)
        {
            OfficialPrint.MarkDraft(sheet);
        }
    }

    /// <summary>"Phụ lục", the title's two lines (shrunk rather than wrapped if a long name would not fit), the reference line.</summary>
    private static void Heading(IXLWorksheet sheet, string subject, DocumentHeading heading, IReadOnlyList<double> widths)
    {
        Line(sheet, LabelRow, Label, widths, bold: true);
        OneLine(sheet, TitleRow, Title, widths);
        OneLine(sheet, SubjectRow, subject, widths);
        Line(sheet, ReferenceRow, heading.Reference, widths, bold: false);
    }

    /// <summary>A bold title line that stays on one line: not wrapped, shrunk to the table's width if it would overflow.</summary>
    private static void OneLine(IXLWorksheet sheet, int row, string text, IReadOnlyList<double> widths)
    {
        Line(sheet, row, text, widths, bold: true);
        var range = sheet.Range(row, 1, row, widths.Count);
        range.Style.Alignment.WrapText = false;
        range.Style.Alignment.ShrinkToFit = true;
        sheet.Row(row).Height = TextLines.LineHeight;
    }

    /// <summary>A heading row, the units numbered from 1, and their subtotal; returns the next free row.</summary>
    private static int Group(IXLWorksheet sheet, int row, string heading, string subtotal, IReadOnlyList<UnitNodeView> units)
    {
        ExcelText.SetText(sheet.Cell(row, 3), heading);
        sheet.Range(row, 1, row, DistrictWidths.Count).Style.Font.Bold = true;
        row++;

        foreach (var (unit, i) in units.Select((u, i) => (u, i + 1)))
        {
            sheet.Cell(row, 1).SetValue(i);
            ExcelText.SetText(sheet.Cell(row, 2), unit.Code ?? string.Empty);
            ExcelText.SetText(sheet.Cell(row, 3), unit.Name).Style.Alignment.WrapText = true;
            ExcelText.SetText(sheet.Cell(row, 4), VietnameseLabels.Kind(unit.Kind)).Style.Alignment.WrapText = true;
            Quantity(sheet.Cell(row, 5), unit.Quantity);
            sheet.Row(row).Height = TextLines.LineHeight * Math.Max(
                TextLines.Estimate(unit.Name, DistrictWidths[2], TableFontSize, bold: false),
                TextLines.Estimate(VietnameseLabels.Kind(unit.Kind), DistrictWidths[3], TableFontSize, bold: false));
            row++;
        }

        return Figure(sheet, row, subtotal, units.Sum(u => u.Quantity));
    }

    /// <summary>A bold row with a label and a figure; returns the next free row.</summary>
    private static int Figure(IXLWorksheet sheet, int row, string label, int value)
    {
        ExcelText.SetText(sheet.Cell(row, 3), label);
        Quantity(sheet.Cell(row, 5), value);
        sheet.Range(row, 1, row, DistrictWidths.Count).Style.Font.Bold = true;
        return row + 1;
    }

    private static void SetWidths(IXLWorksheet sheet, IReadOnlyList<double> widths)
    {
        for (var i = 0; i < widths.Count; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> columns, IReadOnlyList<double> widths)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            ExcelText.SetText(sheet.Cell(HeaderRow, i + 1), columns[i]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.WrapText = true;
        sheet.Row(HeaderRow).Height = TextLines.LineHeight * columns.Select((c, i) => TextLines.Estimate(c, widths[i], TableFontSize, bold: true)).Max();
    }

    /// <summary>Thin borders all round the table, cells centred vertically, STT centred.</summary>
    private static void FrameTable(IXLWorksheet sheet, int lastRow, int columns)
    {
        var table = sheet.Range(HeaderRow, 1, lastRow, columns);
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(FirstDataRow, 1, lastRow, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    /// <summary>A line of running text merged across the table, centred and wrapped: bold for the title, italic for the plan.</summary>
    private static void Line(IXLWorksheet sheet, int row, string text, IReadOnlyList<double> widths, bool bold)
    {
        var cell = ExcelText.SetText(sheet.Cell(row, 1), text);
        cell.Style.Font.Bold = bold;
        cell.Style.Font.Italic = !bold;
        cell.Style.Font.FontSize = HeadingFontSize;
        var range = sheet.Range(row, 1, row, widths.Count).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;

        // Excel never grows a merged row to fit wrapped text, so the height is set from an estimate.
        sheet.Row(row).Height = TextLines.LineHeight * TextLines.Estimate(text, widths.Sum(), HeadingFontSize, bold);
    }

    private static void Quantity(IXLCell cell, int quantity)
    {
        cell.SetValue(quantity);
        cell.Style.NumberFormat.Format = OfficialPrint.NumberFormat;
    }
}
