using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Appendix;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// A one-sheet workbook written with the OpenXml SDK's <see cref="OpenXmlWriter"/>: the sheet goes out row by row into
/// its zip entry, compressed as it is written, so memory stays flat however many rows there are. The SDK's
/// SpreadsheetDocument opens its package for update, which keeps every part in memory until it is closed; so the
/// package is zipped here entry by entry (<see cref="ZipArchiveMode.Create"/>), and only the small parts around the
/// sheet are built as elements. Used by the flat unit export and the audit trail export.
/// </summary>
internal static class StreamedWorkbook
{
    private const int FileBufferSize = 64 * 1024;

    /// <summary>The package of a sheet written at once (its rows are in memory already).</summary>
    public static void Write(Stream output, string title, Workbook workbook, Stylesheet styles, Action<OpenXmlWriter> writeSheet) =>
        WriteAsync(output, title, workbook, styles, writer =>
        {
            writeSheet(writer);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Writes the package: <paramref name="workbook"/> names one sheet with relationship id rId1; <paramref name="writeSheet"/> writes it.</summary>
    public static async Task WriteAsync(Stream output, string title, Workbook workbook, Stylesheet styles, Func<OpenXmlWriter, Task> writeSheet)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", ContentTypes);
        Part(zip, "_rels/.rels", xml => Relationships(xml,
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")));
        Part(zip, "docProps/core.xml", xml => CoreProperties(xml, title));
        Part(zip, "xl/_rels/workbook.xml.rels", xml => Relationships(xml,
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
            ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")));
        Element(zip, "xl/workbook.xml", workbook);
        Element(zip, "xl/styles.xml", styles);

        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(sheet, Encoding.UTF8);
        writer.WriteStartDocument(true);
        await writeSheet(writer);
    }

    /// <summary>
    /// Writes a workbook into a temporary file and returns it open for reading; the file deletes itself when the stream
    /// is closed, so the caller streams it out and disposes it.
    /// </summary>
    public static async Task<Stream> ToTemporaryFileAsync(Func<Stream, Task> write)
    {
        var path = Path.Combine(Path.GetTempPath(), $"license-allocation-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            // Write-only, so that the package is zipped entry by entry as it is written instead of kept for updates.
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileBufferSize))
            {
                await write(file);
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileBufferSize,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A font of the official print kit (Times New Roman) at <paramref name="size"/> points.</summary>
    public static Font Font(double size, bool bold = false, bool italic = false)
    {
        var font = new Font(new FontSize { Val = size }, new FontName { Val = OfficialPrint.FontName }, new FontFamilyNumbering { Val = 1 });
        if (italic)
        {
            font.PrependChild(new Italic());
        }

        if (bold)
        {
            font.PrependChild(new Bold());
        }

        return font;
    }

    /// <summary>No border, and a thin one on every side: borders 0 and 1 of a stylesheet.</summary>
    public static Borders Borders() => new(
        new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
        new Border(
            new LeftBorder { Style = BorderStyleValues.Thin },
            new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin },
            new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder()))
    { Count = 2 };

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

    private static void CoreProperties(XmlWriter xml, string title)
    {
        const string Core = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Elements = "http://purl.org/dc/elements/1.1/";
        xml.WriteStartElement("cp", "coreProperties", Core);
        xml.WriteAttributeString("xmlns", "dc", null, Elements);
        xml.WriteElementString("dc", "title", Elements, title);
        xml.WriteElementString("dc", "creator", Elements, AppendixWorkbook.Author);
        xml.WriteEndElement();
    }
}

/// <summary>Writes cells as attributes and text straight to the writer, without building a DOM per row.</summary>
internal sealed class StreamedCells(OpenXmlWriter writer)
{
    private static readonly OpenXmlAttribute InlineString = new("t", string.Empty, "inlineStr");

    private string _row = "1";

    /// <summary>"A" for column 0: the sheets written this way have at most 26 columns.</summary>
    public static string Letter(int column) => ((char)('A' + column)).ToString();

    /// <summary>Starts row <paramref name="index"/> (from 1), with its height in points when it is set rather than left to Excel.</summary>
    public void StartRow(int index, double? height = null)
    {
        _row = index.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), height is { } points
            ? [new OpenXmlAttribute("r", string.Empty, _row), new OpenXmlAttribute("ht", string.Empty, points.ToString(CultureInfo.InvariantCulture)), new OpenXmlAttribute("customHeight", string.Empty, "1")]
            : [new OpenXmlAttribute("r", string.Empty, _row)]);
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
    public void Number(int column, long? value, uint style)
    {
        writer.WriteStartElement(new Cell(), [Reference(column), Style(style)]);
        if (value is { } number)
        {
            writer.WriteElement(new CellValue(number.ToString(CultureInfo.InvariantCulture)));
        }

        writer.WriteEndElement();
    }

    /// <summary>A date and time as Excel's serial number, shown by the style's date format.</summary>
    public void Date(int column, DateTime value, uint style)
    {
        writer.WriteStartElement(new Cell(), [Reference(column), Style(style)]);
        writer.WriteElement(new CellValue(value.ToOADate().ToString("R", CultureInfo.InvariantCulture)));
        writer.WriteEndElement();
    }

    private OpenXmlAttribute Reference(int column) => new("r", string.Empty, Letter(column) + _row);

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
