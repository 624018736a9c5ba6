using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Exports;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Writes an exported audit trail as a one-sheet workbook an auditor can file or print: Times New Roman, A4 landscape
/// set up by the shared print kit (<see cref="OfficialPrint"/>), fixed column widths, the column headings repeated on
/// every printed page and frozen on screen. Times are real date cells in Vietnam time (dd/MM/yyyy HH:mm), quantities
/// real numbers (#,##0), and every text a user typed goes in as text, neutralised by <see cref="Appendix.ExcelText"/>
/// so that a reason starting with "=" never becomes a formula. Written with <see cref="StreamedWorkbook"/> row by row as
/// the rows are read, so memory stays flat however long the trail is.
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
        "STT", "Số hiệu dòng", "Thời gian", "Người thực hiện", "Kế hoạch, phiên bản", "Thao tác", "Đơn vị", "Số cũ", "Số mới", "Lý do / nội dung", "Căn cứ văn bản", "Lần thay đổi",
    ];

    /// <summary>In Excel's character units; the sheet is printed fitted to the page width.</summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [5, 8, 15, 13, 18, 17, 22, 8, 8, 28, 22, 10];

    // Title, subject, filters, export line, a blank row, then the table.
    public const int HeaderRow = 6;
    public const int FirstDataRow = HeaderRow + 1;

    private const double LineHeight = 16;
    private const double PixelsPerPoint = 96.0 / 72;
    private const double PixelsPerWidthUnit = 7;

    // Indexes into the stylesheet's cell formats, in the order Stylesheet() lists them.
    private const uint HeadingStyle = 1;
    private const uint NoteStyle = 2;
    private const uint HeaderStyle = 3;
    private const uint CentredStyle = 4;
    private const uint TimeStyle = 5;
    private const uint TextStyle = 6;
    private const uint WrappedStyle = 7;
    private const uint QuantityStyle = 8;

    private const uint ThousandsFormatId = 164;
    private const uint TimeFormatId = 165;

    // Columns whose text wraps, and so decides a row's height (from 1).
    private static readonly int[] WrappedColumns = [5, 6, 7, 10, 11];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The workbook in a temporary file that is deleted when the returned stream is closed: the caller streams it out.</summary>
    public static Task<Stream> ToTemporaryFileAsync(AuditDocument document, CancellationToken cancellationToken = default) =>
        StreamedWorkbook.ToTemporaryFileAsync(file => WriteAsync(document, file, cancellationToken));

    public static async Task WriteAsync(AuditDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        var lastColumn = StreamedCells.Letter(Columns.Count - 1);
        var workbook = new Workbook(
            new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = "rId1" }),
            new DefinedNames(OfficialPrint.OpenXmlPrintTitles(SheetName, sheetIndex: 0, headerRow: HeaderRow)));
        await StreamedWorkbook.WriteAsync(output, $"{document.Title} — {document.Subject}", workbook, Stylesheet(), async writer =>
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(OfficialPrint.OpenXmlSheetProperties());
            writer.WriteElement(new SheetDimension { Reference = $"A1:{lastColumn}{HeaderRow + document.RowCount}" });
            var firstData = $"A{FirstDataRow}";
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = HeaderRow, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
            { WorkbookViewId = 0, TabSelected = true }));
            writer.WriteElement(new Columns(ColumnWidths.Select((width, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));

            writer.WriteStartElement(new SheetData());
            var cells = new StreamedCells(writer);
            Line(cells, 1, document.Title, heading: true);
            Line(cells, 2, document.Subject, heading: true);
            Line(cells, 3, "Điều kiện lọc: " + document.FilterDescription, heading: false);
            Line(cells, 4, string.Create(Vietnamese,
                $"Xuất lúc {document.ExportedAt.ToString(TimeFormat, CultureInfo.InvariantCulture)} (giờ Việt Nam, UTC+7), tài khoản {document.ExportedBy}; {document.RowCount:N0} dòng, mới nhất trước."), heading: false);
            if (document.Integrity is { } integrity)
            {
                Line(cells, 5, integrity, heading: false);
            }


            cells.StartRow(HeaderRow, LineHeight * Columns.Select((c, i) => Lines(c, ColumnWidths[i], bold: true)).Max());
            for (var i = 0; i < Columns.Count; i++)
            {
                cells.Text(i, Columns[i], HeaderStyle);
            }

            cells.EndRow();
            var row = FirstDataRow;
            await foreach (var entry in document.Rows.WithCancellation(cancellationToken))
            {
                var action = AuditActionText.Of(entry.Action, Vietnamese);
                string[] wrapped = [entry.PlanLabel ?? string.Empty, action, entry.UnitName ?? string.Empty, entry.Reason, entry.DocumentRef ?? string.Empty];
                cells.StartRow(row, LineHeight * wrapped.Select((text, i) => Lines(text, ColumnWidths[WrappedColumns[i] - 1], bold: false)).Max());
                cells.Number(0, row - HeaderRow, CentredStyle);
                cells.Number(1, entry.Id, CentredStyle);
                cells.Date(2, entry.At.DateTime, TimeStyle);
                cells.Text(3, entry.Actor, TextStyle);
                cells.Text(4, entry.PlanLabel ?? string.Empty, WrappedStyle);
                cells.Text(5, action, WrappedStyle);
                cells.Text(6, entry.UnitName ?? string.Empty, WrappedStyle);
                cells.Number(7, entry.OldValue, QuantityStyle);
                cells.Number(8, entry.NewValue, QuantityStyle);
                cells.Text(9, entry.Reason, WrappedStyle);
                cells.Text(10, entry.DocumentRef ?? string.Empty, WrappedStyle);
                cells.Text(11, entry.ShortChangeSet, CentredStyle);
                cells.EndRow();
                row++;
            }

            writer.WriteEndElement();
            var lines = document.Integrity is null ? 4 : 5;
            writer.WriteElement(new MergeCells(Enumerable.Range(1, lines).Select(r => new MergeCell { Reference = $"A{r}:{lastColumn}{r}" })) { Count = (uint)lines });
            writer.WriteElement(OfficialPrint.OpenXmlPageMargins());
            writer.WriteElement(OfficialPrint.OpenXmlPageSetup(landscape: true));
            writer.WriteElement(OfficialPrint.OpenXmlHeaderFooter());
            writer.WriteEndElement();
        });
    }

    /// <summary>A line above the table across every column; Excel never grows a merged row to fit wrapped text, so the height is set from an estimate.</summary>
    private static void Line(StreamedCells cells, int row, string text, bool heading)
    {
        cells.StartRow(row, LineHeight * Lines(text, ColumnWidths.Sum(), heading));
        cells.Text(0, text, heading ? HeadingStyle : NoteStyle);
        cells.EndRow();
    }

    /// <summary>
    /// Estimated printed lines of a text in a column (rows cannot be auto-fitted without measuring the font); rounded
    /// up, so text is never cut off.
    /// </summary>
    private static int Lines(string text, double width, bool bold)
    {
        var ems = text.Sum(c => char.IsUpper(c) ? 0.70 : 0.46) * (bold ? 1.05 : 1.0);
        var pixels = ems * TableFontSize * PixelsPerPoint;
        return Math.Max(1, (int)Math.Ceiling(pixels / (width * PixelsPerWidthUnit)));
    }

    private static Stylesheet Stylesheet()
    {
        static CellFormat Cell(uint font, uint border, Alignment alignment, uint format = 0, uint fill = 0) =>
            new(alignment) { NumberFormatId = format, FontId = font, FillId = fill, BorderId = border, FormatId = 0, ApplyNumberFormat = format != 0, ApplyFont = true, ApplyFill = fill != 0, ApplyBorder = true, ApplyAlignment = true };
        static Alignment Top(HorizontalAlignmentValues? horizontal = null, bool wrap = false) =>
            new() { Vertical = VerticalAlignmentValues.Top, Horizontal = horizontal, WrapText = wrap ? true : null };
        var centred = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = ThousandsFormatId, FormatCode = NumberFormat },
                new NumberingFormat { NumberFormatId = TimeFormatId, FormatCode = TimeFormat })
            { Count = 2 },
            new Fonts(
                StreamedWorkbook.Font(TableFontSize),
                StreamedWorkbook.Font(HeadingFontSize, bold: true),
                StreamedWorkbook.Font(TableFontSize, italic: true),
                StreamedWorkbook.Font(TableFontSize, bold: true))
            { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEEEEEE" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            StreamedWorkbook.Borders(),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Cell(1, 0, (Alignment)centred.CloneNode(true)),
                Cell(2, 0, (Alignment)centred.CloneNode(true)),
                Cell(3, 1, (Alignment)centred.CloneNode(true), fill: 2),
                Cell(0, 1, Top(HorizontalAlignmentValues.Center)),
                Cell(0, 1, Top(HorizontalAlignmentValues.Center), TimeFormatId),
                Cell(0, 1, Top()),
                Cell(0, 1, Top(wrap: true)),
                Cell(0, 1, Top(HorizontalAlignmentValues.Right), ThousandsFormatId))
            { Count = 9 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
