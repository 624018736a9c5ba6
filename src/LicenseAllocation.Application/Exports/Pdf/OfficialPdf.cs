using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LicenseAllocation.Application.Exports.Pdf;

/// <summary>
/// A PDF document laid out as the workbooks print (<see cref="OfficialPrint"/>, after Decree 30/2020/NĐ-CP): A4 portrait,
/// margins of 2 cm top and bottom, 3 cm left, 2 cm right; the page number centred at the top from page 2 on; a table's
/// heading row again on every page; and "DỰ THẢO" at the top right of every page of a document not yet issued.
/// Text flows from the top; a line or a row that does not fit starts a new page. One file may hold several documents
/// (<see cref="NextDocument"/>), each starting on a new page, numbered from 1 and marked as its own decision stands.
/// </summary>
public sealed class OfficialPdf : IDisposable
{
    public const string DraftMark = OfficialPrint.DraftMark;
    public const double BodySize = 13;
    public const double TableSize = 12;

    private const double CellPadding = 3;
    private const double LineSpacing = 1.25;

    private static readonly double Top = XUnit.FromCentimeter(OfficialPrint.TopCentimetres).Point;
    private static readonly double Bottom = XUnit.FromCentimeter(OfficialPrint.BottomCentimetres).Point;
    private static readonly double Left = XUnit.FromCentimeter(OfficialPrint.LeftCentimetres).Point;
    private static readonly double Right = XUnit.FromCentimeter(OfficialPrint.RightCentimetres).Point;
    private static readonly double HeaderTop = XUnit.FromCentimeter(OfficialPrint.HeaderCentimetres).Point;

    private readonly PdfDocument _document = new();
    private readonly List<int> _documentStarts = [0];
    private bool _draft;
    private XGraphics? _page;
    private double _y;

    public OfficialPdf(string title, string author, bool draft)
    {
        OfficialFonts.EnsureInstalled();
        _document.Info.Title = title;
        _document.Info.Author = author;
        _draft = draft;
        NewPage();
    }

    // Unicode (CID) encoding for every string, and whole font files: PDFsharp's subsets leave out the parts of composite
    // glyphs, so letters such as "ụ", "ố" and "ự" printed without their marks (about 200 KB more per face).
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    public static XFont Font(double size = BodySize, bool bold = false, bool italic = false) =>
        new(OfficialFonts.Family, size, bold ? XFontStyleEx.Bold : italic ? XFontStyleEx.Italic : XFontStyleEx.Regular, Unicode);

    private double PageWidth => _document.Pages[^1].Width.Point;

    private double PageHeight => _document.Pages[^1].Height.Point;

    /// <summary>The width between the left and right margins.</summary>
    public double Width => PageWidth - Left - Right;

    /// <summary>Running text, wrapped to the width and centred (or left-aligned), one line after another.</summary>
    public void Paragraph(string text, XFont font, XStringAlignment alignment = XStringAlignment.Center)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in Wrap(text, font, Width))
        {
            var height = font.Size * LineSpacing;
            EnsureRoom(height);
            Draw(line, font, new XRect(Left, _y, Width, height), alignment);
            _y += height;
        }
    }

    public void Gap(double points) => _y += points;

    /// <summary>
    /// Starts another document in the same file, on a new page: its pages are numbered from 1 again (no number on its
    /// first) and carry "DỰ THẢO" when <paramref name="draft"/>, whatever the documents before it are.
    /// </summary>
    public void NextDocument(bool draft)
    {
        _draft = draft;
        _documentStarts.Add(_document.PageCount);
        NewPage();
    }

    /// <summary>A bordered table; each page it runs onto starts with its heading row.</summary>
    public void Table(PdfTable table, IEnumerable<PdfRow> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var total = table.Widths.Sum();
        var widths = table.Widths.Select(w => w / total * Width).ToList();
        var header = new PdfRow(table.Header, Bold: true);
        var headerAlignments = table.Header.Select(_ => XStringAlignment.Center).ToList();

        DrawRow(header, widths, headerAlignments, repeatHeader: null);
        foreach (var row in rows)
        {
            DrawRow(row, widths, table.Alignments, repeatHeader: () => DrawRow(header, widths, headerAlignments, repeatHeader: null));
        }
    }

    /// <summary>The finished file: page numbers written now that the pages of each document are known.</summary>
    public byte[] Save()
    {
        _page?.Dispose();
        _page = null;
        var numberFont = Font(OfficialPrint.PageNumberFontSize);
        for (var i = 0; i < _document.PageCount; i++)
        {
            var number = i - _documentStarts.Last(start => start <= i) + 1;
            if (number == 1)
            {
                continue;
            }

            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var page = _document.Pages[i];
            graphics.DrawString(number.ToString(System.Globalization.CultureInfo.InvariantCulture), numberFont, XBrushes.Black,
                new XRect(0, HeaderTop, page.Width.Point, numberFont.Size * LineSpacing), XStringFormats.TopCenter);
        }

        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _page?.Dispose();
        _document.Dispose();
    }

    private void DrawRow(PdfRow row, List<double> widths, IReadOnlyList<XStringAlignment> alignments, Action? repeatHeader)
    {
        var font = Font(TableSize, row.Bold);
        var lines = row.Cells.Select((cell, i) => Wrap(cell, font, widths[i] - (2 * CellPadding))).ToList();
        var height = (lines.Max(l => l.Count) * font.Size * LineSpacing) + (2 * CellPadding);
        if (EnsureRoom(height))
        {
            repeatHeader?.Invoke();
        }

        var x = Left;
        var pen = new XPen(XColors.Black, 0.5);
        for (var i = 0; i < widths.Count; i++)
        {
            Page.DrawRectangle(pen, x, _y, widths[i], height);
            var lineHeight = font.Size * LineSpacing;
            var first = _y + ((height - (lines[i].Count * lineHeight)) / 2);
            for (var l = 0; l < lines[i].Count; l++)
            {
                Draw(lines[i][l], font, new XRect(x + CellPadding, first + (l * lineHeight), widths[i] - (2 * CellPadding), lineHeight), alignments[i]);
            }

            x += widths[i];
        }

        _y += height;
    }

    private XGraphics Page => _page ?? throw new InvalidOperationException("The document is saved.");

    private void Draw(string text, XFont font, XRect box, XStringAlignment alignment)
    {
        var format = new XStringFormat { Alignment = alignment, LineAlignment = XLineAlignment.Center };
        Page.DrawString(text, font, XBrushes.Black, box, format);
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit on this one; true when it did.</summary>
    private bool EnsureRoom(double height)
    {
        if (_y + height <= PageHeight - Bottom || _y <= Top)
        {
            return false;
        }

        NewPage();
        return true;
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        _page = XGraphics.FromPdfPage(page);
        _y = Top;
        if (_draft)
        {
            var font = Font(BodySize, bold: true);
            var width = _page.MeasureString(DraftMark, font).Width + (4 * CellPadding);
            var box = new XRect(page.Width.Point - Right - width, HeaderTop, width, font.Size * 1.6);
            _page.DrawRectangle(new XPen(XColors.Black, 0.75), box);
            _page.DrawString(DraftMark, font, XBrushes.Black, box, XStringFormats.Center);
        }
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, at spaces, or inside a word too long for a line.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Page.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > 1 && Page.MeasureString(current, font).Width > width)
            {
                var fits = Enumerable.Range(1, current.Length - 1).Last(n => n == 1 || Page.MeasureString(current[..n], font).Width <= width);
                lines.Add(current[..fits]);
                current = current[fits..];
            }
        }

        lines.Add(current);
        return lines;
    }
}
