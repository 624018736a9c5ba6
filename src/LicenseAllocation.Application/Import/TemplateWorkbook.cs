using ClosedXML.Excel;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Exports;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Writes a unit's sub-allocation template: one A4 sheet in Times New Roman that an official can read and print as it
/// is. At the top, whose template it is (plan and unit by name and by the portal's numbers, which the importer reads
/// back by their labels), the quota and a live "remaining" formula; then instructions in Vietnamese; then the table of
/// children with the current quantities and needs (the computers each must protect) filled in. The sheet is protected
/// without a password and only the quantity and need cells are unlocked, so codes and names stay as the portal wrote them.
/// </summary>
public static class TemplateWorkbook
{
    public const string FontName = OfficialPrint.FontName;
    public const double BodyFontSize = 13;
    public const double TableFontSize = 12;
    public const string NumberFormat = "#,##0";

    /// <summary>STT, code, name, quantity and need, in Excel's character units: about the 16 cm between Decree 30's margins.</summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [6, 12, 38, 13, 14];

    public const int TitleRow = 1;
    public const int PlanRow = 2;
    public const int UnitRow = 3;
    public const int PlanCodeRow = 5;
    public const int UnitCodeRow = 6;
    public const int QuotaRow = 7;
    public const int RemainingRow = 8;
    public const int InstructionsRow = 10;

    /// <summary>The lines under "Hướng dẫn:"; the header row of the table follows them after one blank row.</summary>
    public static readonly IReadOnlyList<string> Instructions =
    [
        "1. Chỉ nhập vào cột \"Số lượng\" và cột \"Số máy tính cần bảo vệ\" (các ô nền vàng): số nguyên từ 0 trở lên, gõ trực tiếp con số, không dùng công thức. Số lượng và số máy tính đã kê khai được điền sẵn; đơn vị không nhận bản quyền ghi 0; để trống ô số máy tính thì giữ nguyên số đã kê khai.",
        "2. Giữ nguyên mã kế hoạch, mã đơn vị phân bổ, mã và tên các đơn vị: cổng thông tin dựa vào đó để nhận biết tệp và từng đơn vị (đơn vị chưa có mã thống kê mang mã nội bộ dạng NB…). Đơn vị đã ngừng hoạt động không có trong mẫu.",
        "3. Ô \"Còn lại chưa phân bổ\" tự tính bằng số lượng được giao trừ tổng cột \"Số lượng\"; tổng không được vượt số lượng được giao (ô không được âm).",
        "4. Lưu tệp ở định dạng Excel (.xlsx), tải lên tại mục \"Nhập từ Excel\" của cổng thông tin, kiểm tra bảng xem trước, nhập lý do rồi bấm \"Áp dụng\". Cổng thông tin lưu tất cả các dòng hoặc không lưu dòng nào.",
    ];

    public static int HeaderRow => InstructionsRow + Instructions.Count + 2;

    public static int FirstDataRow => HeaderRow + 1;

    private const int Columns = 5;
    private const int QuantityColumn = 4;
    private const int NeedColumn = 5;
    private const int LabelColumn = 3;
    private const double LineHeight = 17;
    private const double PixelsPerPoint = 96.0 / 72;
    private const double PixelsPerWidthUnit = 7;
    private static readonly XLColor _editableFill = XLColor.FromHtml("#FFF2CC");

    public static void Write(TemplateDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        using var workbook = new XLWorkbook();
        workbook.Properties.Author = AppendixWorkbook.Author;
        workbook.Properties.Title = TemplateLayout.Title;
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = BodyFontSize;

        var sheet = workbook.AddWorksheet(TemplateLayout.SheetName);
        for (var i = 0; i < ColumnWidths.Count; i++)
        {
            sheet.Column(i + 1).Width = ColumnWidths[i];
        }

        Line(sheet, TitleRow, TemplateLayout.Title, bold: true, italic: false, centred: true);
        Line(sheet, PlanRow, $"{TemplateLayout.PlanLabel}: {document.PlanName}", bold: false, italic: true, centred: true);
        Line(sheet, UnitRow, $"{TemplateLayout.UnitLabel}: {document.UnitName}" + (document.UnitCode is { Length: > 0 } code ? $" (mã {code})" : string.Empty),
            bold: true, italic: false, centred: true);

        var totalRow = FirstDataRow + document.Rows.Count;
        Labelled(sheet, PlanCodeRow, TemplateLayout.PlanCodeLabel).SetValue(document.PlanId);
        Labelled(sheet, UnitCodeRow, TemplateLayout.UnitCodeLabel).SetValue(document.UnitId);
        Quantity(Labelled(sheet, QuotaRow, TemplateLayout.QuotaLabel)).SetValue(document.Quota);
        var remaining = Quantity(Labelled(sheet, RemainingRow, TemplateLayout.RemainingLabel));
        remaining.FormulaA1 = $"{Address(QuotaRow)}-{Address(totalRow)}";
        remaining.Style.Font.Bold = true;

        Line(sheet, InstructionsRow, TemplateLayout.InstructionsLabel + ":", bold: true, italic: false, centred: false);
        for (var i = 0; i < Instructions.Count; i++)
        {
            Line(sheet, InstructionsRow + 1 + i, Instructions[i], bold: false, italic: false, centred: false);
        }

        WriteTable(sheet, document, totalRow);
        Protect(sheet, document.Rows.Count);
        OfficialPrint.Apply(sheet, HeaderRow);
        OfficialPrint.Save(workbook, output);
    }

    private static void WriteTable(IXLWorksheet sheet, TemplateDocument document, int totalRow)
    {
        string[] headers = [TemplateLayout.NumberHeader, TemplateLayout.CodeHeader, TemplateLayout.NameHeader, TemplateLayout.QuantityHeader, TemplateLayout.NeedHeader];
        for (var i = 0; i < headers.Length; i++)
        {
            ExcelText.SetText(sheet.Cell(HeaderRow, i + 1), headers[i]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, Columns);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E2F3");
        header.Style.Alignment.WrapText = true;
        sheet.Row(HeaderRow).Height = LineHeight * headers.Select((h, i) => Lines(h, ColumnWidths[i], TableFontSize, bold: true)).Max();

        var row = FirstDataRow;
        foreach (var item in document.Rows)
        {
            sheet.Cell(row, 1).SetValue(item.Number);
            // Codes are text: "00123" must not become 123.
            ExcelText.SetText(sheet.Cell(row, 2), item.Code ?? string.Empty);
            ExcelText.SetText(sheet.Cell(row, 3), item.Name);
            Quantity(sheet.Cell(row, QuantityColumn)).SetValue(item.Quantity);
            if (item.Need is { } need)
            {
                Quantity(sheet.Cell(row, NeedColumn)).SetValue(need);
            }
            else
            {
                Quantity(sheet.Cell(row, NeedColumn));
            }

            sheet.Row(row).Height = LineHeight * Lines(item.Name, ColumnWidths[2], TableFontSize, bold: false);
            row++;
        }

        ExcelText.SetText(sheet.Cell(totalRow, 3), TemplateLayout.TotalLabel).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        foreach (var (column, letter) in new[] { (QuantityColumn, "D"), (NeedColumn, "E") })
        {
            var total = Quantity(sheet.Cell(totalRow, column));
            if (document.Rows.Count > 0)
            {
                total.FormulaA1 = $"SUM({letter}{FirstDataRow}:{letter}{totalRow - 1})";
            }
            else
            {
                total.SetValue(0);
            }
        }

        sheet.Range(totalRow, 1, totalRow, Columns).Style.Font.Bold = true;
        sheet.Row(totalRow).Height = LineHeight;

        var table = sheet.Range(HeaderRow, 1, totalRow, Columns);
        table.Style.Font.FontSize = TableFontSize;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(FirstDataRow, 1, totalRow, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Range(FirstDataRow, 3, totalRow - 1, 3).Style.Alignment.WrapText = true;
    }

    /// <summary>
    /// Only the quantity and need cells can be edited; Excel itself refuses anything but a whole number of 0 or more there
    /// (a need may also be left blank). No password: the protection keeps codes and names from being changed by accident,
    /// not a determined user out.
    /// </summary>
    private static void Protect(IXLWorksheet sheet, int rows)
    {
        if (rows > 0)
        {
            foreach (var (column, title) in new[] { (QuantityColumn, "Số lượng không hợp lệ"), (NeedColumn, "Số máy tính không hợp lệ") })
            {
                var cells = sheet.Range(FirstDataRow, column, FirstDataRow + rows - 1, column);
                cells.Style.Protection.Locked = false;
                cells.Style.Fill.BackgroundColor = _editableFill;
                var validation = cells.SetDataValidation();
                validation.WholeNumber.EqualOrGreaterThan(0);
                validation.ErrorStyle = XLErrorStyle.Stop;
                validation.ErrorTitle = title;
                validation.ErrorMessage = "Nhập số nguyên từ 0 trở lên.";
            }
        }

        sheet.Protect()
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows)
            .AllowElement(XLSheetProtectionElements.SelectEverything);
    }

    /// <summary>A label right-aligned in the name column; its value goes in the quantity column beside it.</summary>
    private static IXLCell Labelled(IXLWorksheet sheet, int row, string label)
    {
        var cell = ExcelText.SetText(sheet.Cell(row, LabelColumn), label);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        cell.Style.Alignment.Indent = 1;
        cell.Style.Font.Bold = true;
        var value = sheet.Cell(row, QuantityColumn);
        value.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        value.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sheet.Row(row).Height = LineHeight;
        return value;
    }

    /// <summary>A line of text merged across the five columns and wrapped; its height estimated, as Excel never grows a merged row.</summary>
    private static void Line(IXLWorksheet sheet, int row, string text, bool bold, bool italic, bool centred)
    {
        var cell = ExcelText.SetText(sheet.Cell(row, 1), text);
        cell.Style.Font.Bold = bold;
        cell.Style.Font.Italic = italic;
        var range = sheet.Range(row, 1, row, Columns).Merge();
        range.Style.Alignment.Horizontal = centred ? XLAlignmentHorizontalValues.Center : XLAlignmentHorizontalValues.Justify;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
        sheet.Row(row).Height = LineHeight * Lines(text, ColumnWidths.Sum(), BodyFontSize, bold);
    }

    private static IXLCell Quantity(IXLCell cell)
    {
        cell.Style.NumberFormat.Format = NumberFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        return cell;
    }

    private static string Address(int row) => $"D{row}";

    /// <summary>
    /// Estimates the printed lines of text in a width (rows cannot be auto-fitted on Linux) from average Times New Roman
    /// advance widths, rounded up: a line too many leaves white space, a line too few cuts text off.
    /// </summary>
    private static int Lines(string text, double width, double fontSize, bool bold)
    {
        var ems = text.Sum(c => char.IsUpper(c) ? 0.70 : 0.46) * (bold ? 1.05 : 1.0);
        return Math.Max(1, (int)Math.Ceiling(ems * fontSize * PixelsPerPoint / (width * PixelsPerWidthUnit)));
    }

}
