using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// How the portal's workbooks print, after Decree 30/2020/NĐ-CP: A4, Times New Roman, margins of 2 cm top and bottom,
/// 3 cm left and 2 cm right, one page wide, the table's header row again on every page, and the page number centred
/// at the top from page 2 on (never on page 1), in 13 pt. Every workbook of the portal sets its pages up here: the
/// ClosedXML ones (appendix, districts, template, audit trail, comparison) through <see cref="Apply"/> and <see cref="Save"/>,
/// the flat list of units, which writes OpenXml itself, through the <c>OpenXml…</c> elements, so the numbers come from one place.
/// </summary>
public static class OfficialPrint
{
    public const string FontName = "Times New Roman";
    public const string NumberFormat = "#,##0";
    public const double PageNumberFontSize = 13;

    public const double TopCentimetres = 2;
    public const double BottomCentimetres = 2;
    public const double LeftCentimetres = 3;
    public const double RightCentimetres = 2;

    /// <summary>Where the page number sits inside the top margin, and the footer inside the bottom one.</summary>
    public const double HeaderCentimetres = 1;
    public const double FooterCentimetres = 1;

    /// <summary>The header text Excel reads as "centred, Times New Roman 13, page number".</summary>
    public static readonly string PageNumberHeader = $"&C&\"{FontName},Regular\"&{PageNumberFontSize}&P";

    /// <summary>A4 in SpreadsheetML's paper size numbering (<see cref="XLPaperSize.A4Paper"/>).</summary>
    public const uint A4PaperSize = (uint)XLPaperSize.A4Paper;

    private const double CentimetresPerInch = 2.54;

    public static double Inches(double centimetres) => centimetres / CentimetresPerInch;

    /// <summary>Sets up a ClosedXML sheet to print as above, repeating rows <paramref name="headerRow"/> on every page.</summary>
    public static void Apply(IXLWorksheet sheet, int headerRow, XLPageOrientation orientation = XLPageOrientation.Portrait)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var page = sheet.PageSetup;
        page.PaperSize = (XLPaperSize)A4PaperSize;
        page.PageOrientation = orientation;
        page.Margins.Top = Inches(TopCentimetres);
        page.Margins.Bottom = Inches(BottomCentimetres);
        page.Margins.Left = Inches(LeftCentimetres);
        page.Margins.Right = Inches(RightCentimetres);
        page.Margins.Header = Inches(HeaderCentimetres);
        page.Margins.Footer = Inches(FooterCentimetres);
        page.CenterHorizontally = true;

        // The widths are chosen to fit at full size; this only shrinks a sheet that comes out wider, as where Calibri
        // (the unit of column widths) is missing and a broader font stands in for it.
        page.FitToPages(1, 0);

        // A long table breaks across pages; its column headings print again on each.
        page.SetRowsToRepeatAtTop(headerRow, headerRow);

        // No number on the first page, the number centred at the top from page 2.
        page.DifferentFirstPageOnHF = true;
        page.Header.Center.AddText($"&\"{FontName},Regular\"&{PageNumberFontSize}&P", XLHFOccurrence.OddPages);
    }

    /// <summary>The mark of a document not yet issued, printed at the top right of every page.</summary>
    public const string DraftMark = "DỰ THẢO";

    /// <summary>Prints <see cref="DraftMark"/> in bold at the top right of every page, the first included.</summary>
    public static void MarkDraft(IXLWorksheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var mark = $"&\"{FontName},Bold\"&{PageNumberFontSize}{DraftMark}";
        sheet.PageSetup.Header.Right.AddText(mark, XLHFOccurrence.FirstPage);
        sheet.PageSetup.Header.Right.AddText(mark, XLHFOccurrence.OddPages);
    }

    /// <summary>Saves a workbook set up with <see cref="Apply"/> to <paramref name="output"/>, its print titles made absolute.</summary>
    public static void Save(XLWorkbook workbook, Stream output)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(output);
        using var package = new MemoryStream();
        workbook.SaveAs(package);
        MakePrintTitlesAbsolute(package);
        package.Position = 0;
        package.CopyTo(output);
    }

    /// <summary>The print titles of a sheet as Excel writes them: <c>'Phụ lục'!$5:$5</c>.</summary>
    public static string PrintTitlesReference(string sheetName, int headerRow) =>
        $"{QuotedSheetName(sheetName)}!${headerRow}:${headerRow}";

    /// <summary>For a sheet written with OpenXml: its properties, which must say "fit to page" for Excel to honour the fit.</summary>
    public static SheetProperties OpenXmlSheetProperties() => new(new PageSetupProperties { FitToPage = true });

    /// <summary>For a sheet written with OpenXml: the margins of <see cref="Apply"/>.</summary>
    public static PageMargins OpenXmlPageMargins() => new()
    {
        Top = Inches(TopCentimetres),
        Bottom = Inches(BottomCentimetres),
        Left = Inches(LeftCentimetres),
        Right = Inches(RightCentimetres),
        Header = Inches(HeaderCentimetres),
        Footer = Inches(FooterCentimetres),
    };

    /// <summary>For a sheet written with OpenXml: A4, one page wide and as many tall as needed.</summary>
    public static PageSetup OpenXmlPageSetup(bool landscape = false) => new()
    {
        PaperSize = A4PaperSize,
        Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
        FitToWidth = 1,
        FitToHeight = 0,
    };

    /// <summary>For a sheet written with OpenXml: the page number centred at the top from page 2 on.</summary>
    public static HeaderFooter OpenXmlHeaderFooter() => new(new OddHeader(PageNumberHeader)) { DifferentFirst = true };

    /// <summary>For a sheet written with OpenXml: its header row printed again on every page.</summary>
    public static DefinedName OpenXmlPrintTitles(string sheetName, uint sheetIndex, int headerRow) =>
        new(PrintTitlesReference(sheetName, headerRow)) { Name = "_xlnm.Print_Titles", LocalSheetId = sheetIndex };

    /// <summary>
    /// ClosedXML 0.95.4 writes repeated rows as a relative reference ('Phụ lục'!5:5). Excel's own files say $5:$5, and
    /// LibreOffice ignores the relative form, printing later pages without the column headings. Rewrites every sheet's.
    /// </summary>
    public static void MakePrintTitlesAbsolute(Stream package)
    {
        using var document = SpreadsheetDocument.Open(package, isEditable: true);
        var workbook = document.WorkbookPart!.Workbook;
        var sheets = workbook.Sheets!.Elements<Sheet>().ToList();
        foreach (var printTitles in workbook.Descendants<DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles"))
        {
            var sheetName = sheets[(int)printTitles.LocalSheetId!.Value].Name!.Value!;
            var rows = printTitles.Text[(printTitles.Text.LastIndexOf('!') + 1)..].Split(':');
            var first = rows[0].TrimStart('$');
            var last = rows[1].TrimStart('$');
            printTitles.Text = first == last && int.TryParse(first, out var row)
                ? PrintTitlesReference(sheetName, row)
                : $"{QuotedSheetName(sheetName)}!${first}:${last}";
        }
    }

    /// <summary>A sheet name as a formula reference: in single quotes, a quote inside doubled.</summary>
    public static string QuotedSheetName(string sheetName)
    {
        ArgumentNullException.ThrowIfNull(sheetName);
        return $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}
