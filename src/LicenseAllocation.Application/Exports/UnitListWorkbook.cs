using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Appendix;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// Writes the flat export with the OpenXml SDK's <see cref="OpenXmlWriter"/>: the sheet goes out row by row into its
/// zip entry, which is compressed as it is written, so memory stays flat however many units there are.
/// (ClosedXML builds the whole workbook in memory first; see docs/benchmarks.md.) One sheet: a bold header row that
/// stays frozen and carries the auto filter, explicit widths, text as inline strings, figures as numbers in #,##0.
/// </summary>
public static class UnitListWorkbook
{
    public const string SheetName = "Danh sách đơn vị";
    public const string Title = "DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC";
    public const double FontSize = 12;

    public static readonly IReadOnlyList<string> Columns =
        ["STT", "Mã", "Tên đơn vị", "Loại", "Đơn vị cấp trên", "Cấp trong cây", "Số lượng", "Đã phân bổ tiếp", "Còn lại", "Trạng thái"];

    /// <summary>Character widths; the sheet prints A4 landscape, shrunk to one page wide.</summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [7, 9, 40, 19, 34, 8, 10, 11, 10, 17];

    // Indexes into the stylesheet's cell formats, in the order Stylesheet() lists them.
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint NumberStyle = 3;
    private const uint CentredStyle = 4;

    private const uint ThousandsFormatId = 164;
    private const uint TextFormatId = 49;

    private static readonly string[] Letters = [.. Enumerable.Range(0, 10).Select(i => ((char)('A' + i)).ToString())];

    public static void Write(IReadOnlyCollection<UnitListRow> rows, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);

        var lastRow = rows.Count + 1;
        var lastColumn = Letters[Columns.Count - 1];
        var sheetReference = OfficialPrint.QuotedSheetName(SheetName);

        // The SDK's SpreadsheetDocument opens its package for update, which keeps every part in memory until it is
        // closed. So the package is zipped here entry by entry (ZipArchiveMode.Create), the sheet written straight into
        // its entry by OpenXmlWriter; only the small parts around it are built as elements.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", ContentTypes);
        Part(zip, "_rels/.rels", xml => Relationships(xml,
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")));
        Part(zip, "docProps/core.xml", CoreProperties);
        Part(zip, "xl/_rels/workbook.xml.rels", xml => Relationships(xml,
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
            ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")));
        Element(zip, "xl/workbook.xml", new Workbook(
            new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = "rId1" }),
            new DefinedNames(
                new DefinedName($"{sheetReference}!$A$1:${lastColumn}${lastRow}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
                OfficialPrint.OpenXmlPrintTitles(SheetName, sheetIndex: 0, headerRow: 1))));
        Element(zip, "xl/styles.xml", Stylesheet());

        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(sheet, Encoding.UTF8);
        writer.WriteStartDocument(true);
        WriteSheet(writer, rows, $"A1:{lastColumn}{lastRow}");
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Element(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    private static void ContentTypes(XmlWriter xml)
    {
        const string Namespace = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement("Types", Namespace);
        foreach (var (extension, type) in new[]
        {
            ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
            ("xml", "application/xml"),
        })
        {
            xml.WriteStartElement("Default", Namespace);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        foreach (var (part, type) in new[]
        {
            ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
            ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        })
        {
            xml.WriteStartElement("Override", Namespace);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Relationships(XmlWriter xml, params (string Id, string Type, string Target)[] relationships)
    {
        const string Namespace = "http://schemas.openxmlformats.org/package/2006/relationships";
        xml.WriteStartElement("Relationships", Namespace);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", Namespace);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void CoreProperties(XmlWriter xml)
    {
        const string Core = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Elements = "http://purl.org/dc/elements/1.1/";
        xml.WriteStartElement("cp", "coreProperties", Core);
        xml.WriteAttributeString("xmlns", "dc", null, Elements);
        xml.WriteElementString("dc", "title", Elements, Title);
        xml.WriteElementString("dc", "creator", Elements, AppendixWorkbook.Author);
        xml.WriteEndElement();
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
        var cells = new CellWriter(writer);
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
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin },
            new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin },
            new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = ThousandsFormatId, FormatCode = OfficialPrint.NumberFormat }) { Count = 1 },
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
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

    private static Font Font(bool bold)
    {
        var font = new Font(new FontSize { Val = FontSize }, new FontName { Val = OfficialPrint.FontName }, new FontFamilyNumbering { Val = 1 });
        if (bold)
        {
            font.PrependChild(new Bold());
        }

        return font;
    }

    /// <summary>Writes cells as attributes and text straight to the writer, without building a DOM per row.</summary>
    private sealed class CellWriter(OpenXmlWriter writer)
    {
        private static readonly OpenXmlAttribute InlineString = new("t", string.Empty, "inlineStr");

        private string _row = "1";

        public void StartRow(int index)
        {
            _row = index.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, _row)]);
        }

        public void EndRow() => writer.WriteEndElement();

        /// <summary>Text as an inline string, neutralised where a spreadsheet would read a formula; nothing for null.</summary>
        public void Text(int column, string? value, uint style)
        {
            writer.WriteStartElement(new Cell(), value is null ? [Reference(column), Style(style)] : [Reference(column), Style(style), InlineString]);
            if (value is not null)
            {
                var text = XmlSafe(ExcelText.Safe(value));
                writer.WriteStartElement(new InlineString());
                writer.WriteElement(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
                    ? new Text(text) { Space = SpaceProcessingModeValues.Preserve }
                    : new Text(text));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        /// <summary>A number cell; a styled empty cell for null, so the table's borders stay whole.</summary>
        public void Number(int column, int? value, uint style)
        {
            writer.WriteStartElement(new Cell(), [Reference(column), Style(style)]);
            if (value is { } number)
            {
                writer.WriteElement(new CellValue(number.ToString(CultureInfo.InvariantCulture)));
            }

            writer.WriteEndElement();
        }

        private OpenXmlAttribute Reference(int column) => new("r", string.Empty, Letters[column] + _row);

        private static OpenXmlAttribute Style(uint style) => new("s", string.Empty, style.ToString(CultureInfo.InvariantCulture));

        /// <summary>Characters XML cannot carry (control characters pasted from elsewhere) would make the file unreadable.</summary>
        private static string XmlSafe(string text)
        {
            if (text.All(XmlConvert.IsXmlChar))
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(text[i]).Append(text[++i]);
                }
                else
                {
                    builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
                }
            }

            return builder.ToString();
        }
    }
}
