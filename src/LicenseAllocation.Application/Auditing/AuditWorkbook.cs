using System.Globalization;
using ClosedXML.Excel;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Exports;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Writes an exported audit trail as a one-sheet workbook an auditor can file or print: Times New Roman, A4 landscape
/// set up by the shared print kit (<see cref="OfficialPrint"/>), fixed column widths, the column headings repeated on every printed page. Times are real date cells in Vietnam time
/// (dd/MM/yyyy HH:mm), quantities real numbers (#,##0), and every text a user typed goes in as text, neutralised by
/// <see cref="ExcelText"/> so that a reason starting with "=" never becomes a formula.
/// </summary>
public static class AuditWorkbook
{
    public const string SheetName = "Nhật ký";
    public const string FontName = OfficialPrint.FontName;
    public const double HeadingFontSize = 13;
    public const double TableFontSize = 11;
    public const string NumberFormat = OfficialPrint.NumberFormat;
    public const string TimeFormat = "dd/MM/yyyy HH:mm";

    public static readonly IReadOnlyList<string> Columns =
    [
        "STT", "Số hiệu dòng", "Thời gian", "Người thực hiện", "Thao tác", "Đơn vị", "Số cũ", "Số mới", "Lý do / nội dung", "Căn cứ văn bản", "Lần thay đổi",
    ];

    /// <summary>In Excel's character units; the sheet is printed fitted to the page width (see <see cref="OfficialPrint.Apply"/>).</summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [5, 8, 15, 13, 17, 24, 8, 8, 32, 24, 10];

    // Title, subject, filters, export line, a blank row, then the table.
    public const int HeaderRow = 6;
    public const int FirstDataRow = HeaderRow + 1;

    private const double LineHeight = 16;
    private const double PixelsPerPoint = 96.0 / 72;
    private const double PixelsPerWidthUnit = 7;

    // Columns whose text wraps, and so decides a row's height.
    private static readonly int[] WrappedColumns = [5, 6, 9, 10];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static void Write(AuditDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        using var workbook = new XLWorkbook();
        workbook.Properties.Author = document.ExportedBy;
        workbook.Properties.Title = $"{document.Title} — {document.Subject}";
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = TableFontSize;

        var sheet = workbook.AddWorksheet(SheetName);
        for (var i = 0; i < ColumnWidths.Count; i++)
        {
            sheet.Column(i + 1).Width = ColumnWidths[i];
        }

        Line(sheet, 1, document.Title, bold: true);
        Line(sheet, 2, document.Subject, bold: true);
        Line(sheet, 3, "Điều kiện lọc: " + document.FilterDescription, bold: false);
        Line(sheet, 4, string.Create(Vietnamese,
            $"Xuất lúc {document.ExportedAt.ToString(TimeFormat, CultureInfo.InvariantCulture)} (giờ Việt Nam, UTC+7), tài khoản {document.ExportedBy}; {document.Rows.Count:N0} dòng, mới nhất trước."), bold: false);
        WriteTable(sheet, document.Rows);

        // Eleven columns do not fit the width of a landscape page at full size: the kit shrinks them to one page wide.
        OfficialPrint.Apply(sheet, HeaderRow, XLPageOrientation.Landscape);
        OfficialPrint.Save(workbook, output);
    }

    private static void WriteTable(IXLWorksheet sheet, IReadOnlyList<AuditRow> rows)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            ExcelText.SetText(sheet.Cell(HeaderRow, i + 1), Columns[i]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, Columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.WrapText = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#EEEEEE");
        sheet.Row(HeaderRow).Height = LineHeight * Columns.Select((c, i) => Lines(c, ColumnWidths[i], bold: true)).Max();

        var row = FirstDataRow;
        foreach (var (entry, index) in rows.Select((r, i) => (r, i)))
        {
            sheet.Cell(row, 1).SetValue(index + 1);
            sheet.Cell(row, 2).SetValue(entry.Id);
            var at = sheet.Cell(row, 3).SetValue(entry.At.DateTime);
            at.Style.DateFormat.Format = TimeFormat;
            ExcelText.SetText(sheet.Cell(row, 4), entry.Actor);
            var action = AuditActionText.Of(entry.Action, Vietnamese);
            ExcelText.SetText(sheet.Cell(row, 5), action);
            ExcelText.SetText(sheet.Cell(row, 6), entry.UnitName ?? string.Empty);
            Quantity(sheet.Cell(row, 7), entry.OldValue);
            Quantity(sheet.Cell(row, 8), entry.NewValue);
            ExcelText.SetText(sheet.Cell(row, 9), entry.Reason);
            ExcelText.SetText(sheet.Cell(row, 10), entry.DocumentRef ?? string.Empty);
            ExcelText.SetText(sheet.Cell(row, 11), entry.ShortChangeSet);

            string[] wrapped = [action, entry.UnitName ?? string.Empty, entry.Reason, entry.DocumentRef ?? string.Empty];
            sheet.Row(row).Height = LineHeight * wrapped.Select((text, i) => Lines(text, ColumnWidths[WrappedColumns[i] - 1], bold: false)).Max();
            row++;
        }

        var last = Math.Max(row - 1, HeaderRow);
        var table = sheet.Range(HeaderRow, 1, last, Columns.Count);
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        if (last >= FirstDataRow)
        {
            sheet.Range(FirstDataRow, 1, last, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            sheet.Range(FirstDataRow, 11, last, 11).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            foreach (var column in WrappedColumns)
            {
                sheet.Range(FirstDataRow, column, last, column).Style.Alignment.WrapText = true;
            }
        }

        sheet.SheetView.FreezeRows(HeaderRow);
    }

    private static void Line(IXLWorksheet sheet, int row, string text, bool bold)
    {
        var cell = ExcelText.SetText(sheet.Cell(row, 1), text);
        cell.Style.Font.Bold = bold;
        cell.Style.Font.Italic = !bold;
        cell.Style.Font.FontSize = bold ? HeadingFontSize : TableFontSize;
        var range = sheet.Range(row, 1, row, Columns.Count).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;

        // Excel never grows a merged row to fit wrapped text, so the height is set from an estimate.
        sheet.Row(row).Height = LineHeight * Lines(text, ColumnWidths.Sum(), bold);
    }

    private static void Quantity(IXLCell cell, int? quantity)
    {
        if (quantity is { } value)
        {
            cell.SetValue(value);
            cell.Style.NumberFormat.Format = NumberFormat;
        }

        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    /// <summary>
    /// Estimated printed lines of a text in a column (rows cannot be auto-fitted: ClosedXML measures text through
    /// System.Drawing, which fails on Linux); rounded up, so text is never cut off.
    /// </summary>
    private static int Lines(string text, double width, bool bold)
    {
        var ems = text.Sum(c => char.IsUpper(c) ? 0.70 : 0.46) * (bold ? 1.05 : 1.0);
        var pixels = ems * TableFontSize * PixelsPerPoint;
        return Math.Max(1, (int)Math.Ceiling(pixels / (width * PixelsPerWidthUnit)));
    }
}
