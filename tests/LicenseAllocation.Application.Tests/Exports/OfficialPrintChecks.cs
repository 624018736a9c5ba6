using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>
/// Reads a saved workbook with the OpenXml SDK, as Excel and LibreOffice read it, and checks that a sheet prints as
/// Decree 30/2020/NĐ-CP asks: A4, margins within the decree's ranges, fitted to one page wide, the header row repeated on
/// every page, the page number centred at the top in Times New Roman 13–14 from page 2 on, and every cell in Times New Roman.
/// </summary>
internal static class OfficialPrintChecks
{
    private const double MillimetresPerInch = 25.4;

    public static void ShouldPrintOfficially(byte[] file, string sheetName, int headerRow, bool landscape = false)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        var sheet = sheets.Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;

        var setup = worksheet.GetFirstChild<PageSetup>().ShouldNotBeNull($"{sheetName}: page setup");
        setup.PaperSize!.Value.ShouldBe(9u, $"{sheetName}: A4 is paper size 9");
        (setup.Orientation?.Value == OrientationValues.Landscape).ShouldBe(landscape, $"{sheetName}: orientation");

        // Excel honours fitToWidth/fitToHeight only when the sheet's properties say fitToPage.
        worksheet.GetFirstChild<SheetProperties>()?.PageSetupProperties?.FitToPage?.Value.ShouldBe(true, $"{sheetName}: fit to page");
        (setup.FitToWidth?.Value ?? 1u).ShouldBe(1u, $"{sheetName}: one page wide");
        setup.FitToHeight.ShouldNotBeNull().Value.ShouldBe(0u, $"{sheetName}: as many pages tall as needed");

        var margins = worksheet.GetFirstChild<PageMargins>().ShouldNotBeNull($"{sheetName}: margins");
        (margins.Top!.Value * MillimetresPerInch).ShouldBeInRange(19.99, 25.01, $"{sheetName}: top margin 20–25 mm");
        (margins.Bottom!.Value * MillimetresPerInch).ShouldBeInRange(19.99, 25.01, $"{sheetName}: bottom margin 20–25 mm");
        (margins.Left!.Value * MillimetresPerInch).ShouldBeInRange(29.99, 35.01, $"{sheetName}: left margin 30–35 mm");
        (margins.Right!.Value * MillimetresPerInch).ShouldBeInRange(14.99, 20.01, $"{sheetName}: right margin 15–20 mm");

        var headerFooter = worksheet.GetFirstChild<HeaderFooter>().ShouldNotBeNull($"{sheetName}: header and footer");
        headerFooter.DifferentFirst!.Value.ShouldBeTrue($"{sheetName}: page 1 has its own (empty) header");
        (headerFooter.FirstHeader?.Text ?? string.Empty).ShouldNotContain("&P", customMessage: $"{sheetName}: no number on page 1");
        var pageNumber = headerFooter.OddHeader.ShouldNotBeNull($"{sheetName}: page number header").Text;
        pageNumber.ShouldStartWith("&C", Case.Sensitive, $"{sheetName}: page number centred");
        pageNumber.ShouldContain("\"Times New Roman,Regular\"");
        pageNumber.ShouldMatch(@"&1[34]&P(&R&""Times New Roman,Bold""&1[34]DỰ THẢO)?$", $"{sheetName}: page number in 13–14 pt, then at most the draft mark");

        workbookPart.Workbook.DefinedNames.ShouldNotBeNull().Elements<DefinedName>()
            .Single(n => n.Name == "_xlnm.Print_Titles" && n.LocalSheetId?.Value == (uint)sheets.IndexOf(sheet))
            .Text.ShouldBe($"'{sheetName}'!${headerRow}:${headerRow}", $"{sheetName}: header row repeated on every page");

        var fonts = workbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ToList();
        var formats = workbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var cells = worksheet.Descendants<Cell>().ToList();
        cells.ShouldNotBeEmpty();
        foreach (var cell in cells)
        {
            var font = fonts[(int)formats[(int)(cell.StyleIndex?.Value ?? 0)].FontId!.Value];
            font.FontName!.Val!.Value.ShouldBe("Times New Roman", $"{sheetName}!{cell.CellReference}");
        }
    }

    /// <summary>The explicit widths of a sheet's columns, by column number.</summary>
    public static IReadOnlyDictionary<int, double> ColumnWidths(byte[] file, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Column>()
            .Where(c => c.CustomWidth?.Value == true && c.Min!.Value == c.Max!.Value)
            .ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
    }
}
