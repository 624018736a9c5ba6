using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// Writes the flat export with the OpenXml SDK's <see cref="OpenXmlWriter"/> (<see cref="StreamedWorkbook"/>): the
/// sheet goes out row by row into its zip entry, which is compressed as it is written, so memory stays flat however many units there are.
/// (ClosedXML builds the whole workbook in memory first; see docs/benchmarks.md.) One sheet: a bold header row that
/// stays frozen and carries the auto filter, explicit widths, text as inline strings, figures as numbers in #,##0.
/// </summary>
public static class UnitListWorkbook
{
    public const string SheetName = "Danh sách đơn vị";
    public const string Title = "DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC";
    public const double FontSize = 12;

    public static readonly IReadOnlyList<string> Columns =
        ["STT", "Mã", "Tên đơn vị", "Loại", "Đơn vị cấp trên", "Cấp trong cây", "Số lượng", "Đã phân bổ tiếp", "Còn lại", "Trạng thái", "Mã định danh"];

    /// <summary>Character widths; the sheet prints A4 landscape, shrunk to one page wide.</summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [7, 9, 40, 19, 34, 8, 10, 11, 10, 17, 15];

    // Indexes into the stylesheet's cell formats, in the order Stylesheet() lists them.
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint NumberStyle = 3;
    private const uint CentredStyle = 4;

    private const uint ThousandsFormatId = 164;
    private const uint TextFormatId = 49;

    public static void Write(IReadOnlyCollection<UnitListRow> rows, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);

        var lastRow = rows.Count + 1;
        var lastColumn = StreamedCells.Letter(Columns.Count - 1);
        var sheetReference = OfficialPrint.QuotedSheetName(SheetName);
        var workbook = new Workbook(
            new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = "rId1" }),
            new DefinedNames(
                new DefinedName($"{sheetReference}!$A$1:${lastColumn}${lastRow}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
                OfficialPrint.OpenXmlPrintTitles(SheetName, sheetIndex: 0, headerRow: 1)));
        StreamedWorkbook.Write(output, Title, workbook, Stylesheet(), writer => WriteSheet(writer, rows, $"A1:{lastColumn}{lastRow}"));
    }

    private static void WriteSheet(OpenXmlWriter writer, IReadOnlyCollection<UnitListRow> rows, string range)
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(OfficialPrint.OpenXmlSheetProperties());
        writer.WriteElement(new SheetDimension { Reference = range });
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0, TabSelected = true }));
        writer.WriteElement(new Columns(ColumnWidths.Select((width, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));

        writer.WriteStartElement(new SheetData());
        var cells = new StreamedCells(writer);
        cells.StartRow(1);
        for (var i = 0; i < Columns.Count; i++)
        {
            cells.Text(i, Columns[i], HeaderStyle);
        }

        cells.EndRow();
        var rowIndex = 1;
        foreach (var row in rows)
        {
            cells.StartRow(++rowIndex);
            cells.Number(0, row.Number, CentredStyle);
            cells.Text(1, row.Code, TextStyle);
            cells.Text(2, row.Name, TextStyle);
            cells.Text(3, VietnameseLabels.Kind(row.Kind), TextStyle);
            cells.Text(4, row.ParentName, TextStyle);
            cells.Number(5, row.Level, CentredStyle);
            cells.Number(6, row.Quantity, NumberStyle);
            cells.Number(7, row.HandedOn, NumberStyle);
            cells.Number(8, row.Remaining, NumberStyle);
            cells.Text(9, row.StatusText, TextStyle);
            cells.Text(10, row.AgencyCode, TextStyle);
            cells.EndRow();
        }

        writer.WriteEndElement();

        writer.WriteElement(new AutoFilter { Reference = range });
        writer.WriteElement(OfficialPrint.OpenXmlPageMargins());
        writer.WriteElement(OfficialPrint.OpenXmlPageSetup(landscape: true));
        writer.WriteElement(OfficialPrint.OpenXmlHeaderFooter());
        writer.WriteEndElement();
    }

    private static Stylesheet Stylesheet()
    {
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = ThousandsFormatId, FormatCode = OfficialPrint.NumberFormat }) { Count = 1 },
            new Fonts(StreamedWorkbook.Font(FontSize), StreamedWorkbook.Font(FontSize, bold: true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            StreamedWorkbook.Borders(),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat { NumberFormatId = TextFormatId, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = ThousandsFormatId, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center })
                { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true, ApplyAlignment = true })
            { Count = 5 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
