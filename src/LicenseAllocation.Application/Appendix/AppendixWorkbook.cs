using System.Globalization;
using ClosedXML.Excel;
using LicenseAllocation.Application.Exports;

namespace LicenseAllocation.Application.Appendix;

/// <summary>
/// Writes a plan's appendix (Phụ lục) as a one-sheet workbook laid out like the seed letter's appendix and printed to
/// Decree 30/2020/NĐ-CP: A4 portrait, Times New Roman, its margins, page numbers from page 2.
/// </summary>
public static class AppendixWorkbook
{
    public const string SheetName = "Phụ lục";
    public const string Author = "Sở Thông tin và Truyền thông";
    public const string FontName = OfficialPrint.FontName;
    public const double BodyFontSize = 13;
    public const double TableFontSize = 12;
    public const string NumberFormat = OfficialPrint.NumberFormat;

    /// <summary>
    /// STT, name and quantity widths, in Excel's character units. With their padding they come to about 15.8 cm,
    /// inside the 16 cm between Decree 30's left and right margins, so the sheet prints at full size.
    /// </summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [7, 54, 22];

    // Row layout: label, title, reference, a blank row, then the table; the note follows after one more blank row.
    public const int LabelRow = 1;
    public const int TitleRow = 2;
    public const int ReferenceRow = 3;
    public const int HeaderRow = 5;
    public const int FirstDataRow = HeaderRow + 1;

    private const double LineHeight = TextLines.LineHeight;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Writes the appendix; a <paramref name="draft"/> prints "DỰ THẢO" at the top right of every page.</summary>
    public static void Write(AppendixDocument document, Stream output, bool draft = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        if (document.Columns.Count != ColumnWidths.Count)
        {
            throw new ArgumentException($"The appendix table has {ColumnWidths.Count} columns.", nameof(document));
        }

        using var workbook = new XLWorkbook();
        workbook.Properties.Author = Author;
        workbook.Properties.Title = document.Title;

        // Set before the sheet is added so every cell, blank or not, starts in the document font.
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = BodyFontSize;

        var sheet = workbook.AddWorksheet(SheetName);
        for (var i = 0; i < ColumnWidths.Count; i++)
        {
            sheet.Column(i + 1).Width = ColumnWidths[i];
        }

        WriteHeading(sheet, document);
        var totalRow = WriteTable(sheet, document);
        WriteNote(sheet, totalRow + 2, document.Note);
        OfficialPrint.Apply(sheet, HeaderRow);
        if (draft)
        {
            OfficialPrint.MarkDraft(sheet);
        }

        using var package = new MemoryStream();
        workbook.SaveAs(package);
        OfficialPrint.MakePrintTitlesAbsolute(package);
        package.Position = 0;
        package.CopyTo(output);
    }

    /// <summary>
    /// Reads an appendix written by <see cref="Write"/> back into its content, so that a published plan's PDF is made
    /// from the very workbook frozen at publication rather than from units that may have been renamed since.
    /// </summary>
    public static AppendixDocument Read(Stream workbookStream)
    {
        ArgumentNullException.ThrowIfNull(workbookStream);
        using var workbook = new XLWorkbook(workbookStream);
        var sheet = workbook.Worksheet(1);
        string Text(int row, int column) => ExcelText.Unsafe(sheet.Cell(row, column).GetString());

        var rows = new List<AppendixRow>();
        var row = FirstDataRow;
        for (; !sheet.Cell(row, 1).IsEmpty(); row++)
        {
            rows.Add(new AppendixRow(sheet.Cell(row, 1).GetValue<int>(), Text(row, 2), sheet.Cell(row, 3).GetValue<int>()));
        }

        return new AppendixDocument(
            IssuerSuperior: string.Empty,
            Issuer: string.Empty,
            Label: Text(LabelRow, 1),
            Title: Text(TitleRow, 1),
            Reference: Text(ReferenceRow, 1),
            Columns: [.. Enumerable.Range(1, ColumnWidths.Count).Select(c => Text(HeaderRow, c))],
            Rows: rows,
            TotalLabel: Text(row, 2),
            Total: sheet.Cell(row, 3).GetValue<int>(),
            Note: Text(row + 2, 1));
    }

    private static void WriteHeading(IXLWorksheet sheet, AppendixDocument document)
    {
        Line(sheet, LabelRow, document.Label, bold: true);
        Line(sheet, TitleRow, document.Title.ToUpper(Vietnamese), bold: true);
        Line(sheet, ReferenceRow, document.Reference, bold: false);
    }

    /// <summary>Writes header, rows and total with thin borders all round; returns the total's row number.</summary>
    private static int WriteTable(IXLWorksheet sheet, AppendixDocument document)
    {
        for (var i = 0; i < document.Columns.Count; i++)
        {
            ExcelText.SetText(sheet.Cell(HeaderRow, i + 1), document.Columns[i]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, ColumnWidths.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.WrapText = true;
        sheet.Row(HeaderRow).Height = LineHeight * document.Columns.Select((c, i) => TextLines.Estimate(c, ColumnWidths[i], TableFontSize, bold: true)).Max();

        var row = FirstDataRow;
        foreach (var item in document.Rows)
        {
            sheet.Cell(row, 1).SetValue(item.Number);
            ExcelText.SetText(sheet.Cell(row, 2), item.Name);
            Quantity(sheet.Cell(row, 3), item.Quantity);
            sheet.Row(row).Height = LineHeight * TextLines.Estimate(item.Name, ColumnWidths[1], TableFontSize, bold: false);
            row++;
        }

        var totalRow = row;
        var totalLabel = ExcelText.SetText(sheet.Cell(totalRow, 2), document.TotalLabel);
        totalLabel.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        Quantity(sheet.Cell(totalRow, 3), document.Total);
        sheet.Range(totalRow, 1, totalRow, ColumnWidths.Count).Style.Font.Bold = true;
        sheet.Row(totalRow).Height = LineHeight;

        var table = sheet.Range(HeaderRow, 1, totalRow, ColumnWidths.Count);
        table.Style.Font.FontSize = TableFontSize;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(FirstDataRow, 1, totalRow, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Range(FirstDataRow, 2, totalRow - 1, 2).Style.Alignment.WrapText = true;
        return totalRow;
    }

    private static void WriteNote(IXLWorksheet sheet, int row, string note)
    {
        var cell = Line(sheet, row, note, bold: false);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
    }

    /// <summary>
    /// A line of running text merged across the table's width, centred and wrapped: bold for the label and title,
    /// italic for the reference and the note, as in the letter.
    /// </summary>
    private static IXLCell Line(IXLWorksheet sheet, int row, string text, bool bold)
    {
        var cell = ExcelText.SetText(sheet.Cell(row, 1), text);
        cell.Style.Font.Bold = bold;
        cell.Style.Font.Italic = !bold;
        var range = sheet.Range(row, 1, row, ColumnWidths.Count).Merge();
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;

        // Excel never grows a merged row to fit wrapped text, so the height is set from an estimate.
        sheet.Row(row).Height = LineHeight * TextLines.Estimate(text, ColumnWidths.Sum(), BodyFontSize, bold);
        return cell;
    }

    private static void Quantity(IXLCell cell, int quantity)
    {
        cell.SetValue(quantity);
        cell.Style.NumberFormat.Format = NumberFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }
}
