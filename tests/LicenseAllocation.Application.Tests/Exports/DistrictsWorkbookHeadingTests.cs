using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>
/// Every sheet of the districts workbook is a document that can go with its decision: read back with the OpenXml SDK,
/// it has Decree 30's heading ("Phụ lục", a title that never wraps, the "(Kèm theo …)" line of its own decision), its
/// own page numbers from 1, and "DỰ THẢO" exactly while that decision is a draft.
/// </summary>
public sealed class DistrictsWorkbookHeadingTests : DistrictDocumentTests
{
    private const string Summary = DistrictsWorkbook.SummarySheetName;
    private const string CaoLanhSheet = "Thành phố Cao Lãnh";
    private const string SaDecSheet = "Thành phố Sa Đéc";

    [Fact]
    public async Task Every_sheet_has_the_decree_30_heading_and_a_title_that_stays_on_one_line()
    {
        var file = await FileAsync(SeededPlan.Admin);

        foreach (var sheet in SheetNamesOf(file))
        {
            Text(file, sheet, "A1").ShouldBe("Phụ lục", sheet);
            Text(file, sheet, "A2").ShouldBe(DistrictsWorkbook.Title, sheet);
            Text(file, sheet, "A4").ShouldStartWith(sheet == Summary ? "(Kèm theo Công văn số" : "(Kèm theo Quyết định số", Case.Sensitive, sheet);
            foreach (var titleRow in new[] { "A2", "A3" })
            {
                var alignment = AlignmentOf(file, sheet, titleRow);
                (alignment?.WrapText?.Value ?? false).ShouldBeFalse($"{sheet}!{titleRow} wraps");
                (alignment?.ShrinkToFit?.Value ?? false).ShouldBeTrue($"{sheet}!{titleRow} shrinks to fit");
            }
        }

        Text(file, Summary, "A3").ShouldBe("CỦA CÁC HUYỆN, THÀNH PHỐ");
        Text(file, CaoLanhSheet, "A3").ShouldBe("CỦA THÀNH PHỐ CAO LÃNH (MÃ 866)");
        Text(file, CaoLanhSheet, "A4").ShouldBe("(Kèm theo Quyết định số        ngày      tháng      năm 2020 của UBND Thành phố Cao Lãnh)");
    }

    [Fact]
    public async Task Each_sheet_counts_its_own_pages_from_1_and_repeats_its_header_row()
    {
        var file = await FileAsync(SeededPlan.Admin);
        var sheets = SheetNamesOf(file);

        sheets.Count.ShouldBe(SeedFacts.Districts + 1);
        foreach (var sheet in sheets)
        {
            var setup = WorksheetOf(file, sheet).GetFirstChild<PageSetup>().ShouldNotBeNull();
            setup.UseFirstPageNumber?.Value.ShouldBe(true, sheet);
            setup.FirstPageNumber?.Value.ShouldBe(1u, sheet);
            OfficialPrintChecks.ShouldPrintOfficially(file, sheet, DistrictsWorkbook.HeaderRow);
        }
    }

    [Fact]
    public async Task While_nothing_is_published_every_sheet_prints_the_draft_mark_on_every_page()
    {
        var file = await FileAsync(SeededPlan.Admin);

        foreach (var sheet in SheetNamesOf(file))
        {
            var headers = WorksheetOf(file, sheet).GetFirstChild<HeaderFooter>().ShouldNotBeNull();
            headers.FirstHeader!.Text.ShouldContain(OfficialPrint.DraftMark, customMessage: sheet);
            headers.OddHeader!.Text.ShouldContain(OfficialPrint.DraftMark, customMessage: sheet);
        }
    }

    [Fact]
    public async Task Published_decisions_give_their_sheets_the_reference_line_and_no_draft_mark()
    {
        await PublishAllThreeAsync();
        var date = PlanSteps.LetterDate.AddDays(20);
        var dateText = Domain.Plans.OfficialDocument.Issued("x", date, "-", "-", "-").DateText;

        var file = await FileAsync(SeededPlan.Admin);

        Text(file, Summary, "A4").ShouldBe($"(Kèm theo Công văn số 20/STTTT-CNTT {dateText} của Sở Thông tin và Truyền thông)");
        Text(file, CaoLanhSheet, "A4").ShouldBe($"(Kèm theo Quyết định số 15/QĐ-UBND {dateText} của UBND Thành phố Cao Lãnh)");
        IsDraft(file, Summary).ShouldBeFalse();
        IsDraft(file, CaoLanhSheet).ShouldBeFalse();
        IsDraft(file, SaDecSheet).ShouldBeTrue();
        Text(file, SaDecSheet, "A4").ShouldStartWith("(Kèm theo Quyết định số        ngày", Case.Sensitive);
    }

    [Fact]
    public async Task A_district_officers_workbook_carries_its_own_districts_decision()
    {
        await PublishAllThreeAsync();

        var file = await FileAsync(CaoLanhOfficer);

        SheetNamesOf(file).ShouldBe([Summary, CaoLanhSheet]);
        Text(file, CaoLanhSheet, "A4").ShouldContain("15/QĐ-UBND");
        IsDraft(file, CaoLanhSheet).ShouldBeFalse();
    }

    private async Task<byte[]> FileAsync(Caller caller)
    {
        var report = await ReportAsync(caller);
        using var stream = new MemoryStream();
        DistrictsWorkbook.Write(report, stream);
        return stream.ToArray();
    }

    private static bool IsDraft(byte[] file, string sheet)
    {
        var headers = WorksheetOf(file, sheet).GetFirstChild<HeaderFooter>().ShouldNotBeNull();
        return (headers.OddHeader?.Text ?? string.Empty).Contains(OfficialPrint.DraftMark, StringComparison.Ordinal)
            || (headers.FirstHeader?.Text ?? string.Empty).Contains(OfficialPrint.DraftMark, StringComparison.Ordinal);
    }

    private static List<string> SheetNamesOf(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        return [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    private static Worksheet WorksheetOf(byte[] file, string sheetName)
    {
        var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Cell CellOf(byte[] file, string sheetName, string reference) =>
        WorksheetOf(file, sheetName).Descendants<Cell>().Single(c => c.CellReference == reference);

    private static string Text(byte[] file, string sheetName, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var cell = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        return cell.DataType?.Value == CellValues.SharedString
            ? part.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cell.InnerText;
    }

    private static Alignment? AlignmentOf(byte[] file, string sheetName, string reference)
    {
        var cell = CellOf(file, sheetName, reference);
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return formats[(int)(cell.StyleIndex?.Value ?? 0)].Alignment?.CloneNode(true) as Alignment;
    }
}
