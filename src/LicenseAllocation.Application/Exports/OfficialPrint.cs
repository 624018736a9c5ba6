using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// How the portal's workbooks print, after Decree 30/2020/NĐ-CP: A4, Times New Roman, margins of 2 cm top and bottom,
/// 3 cm left and 2 cm right, one page wide, the table's header row again on every page, and the page number centred
/// at the top from page 2 on (never on page 1), in 13 pt.
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

    private const double CentimetresPerInch = 2.54;

    public static double Inches(double centimetres) => centimetres / CentimetresPerInch;

    /// <summary>Sets up a ClosedXML sheet to print as above, repeating rows <paramref name="headerRow"/> on every page.</summary>
    public static void Apply(IXLWorksheet sheet, int headerRow, XLPageOrientation orientation = XLPageOrientation.Portrait)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
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
            printTitles.Text = $"{QuotedSheetName(sheetName)}!${rows[0].TrimStart('$')}:${rows[1].TrimStart('$')}";
        }
    }

    /// <summary>A sheet name as a formula reference: in single quotes, a quote inside doubled.</summary>
    public static string QuotedSheetName(string sheetName)
    {
        ArgumentNullException.ThrowIfNull(sheetName);
        return $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}
