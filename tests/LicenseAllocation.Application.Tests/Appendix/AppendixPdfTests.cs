using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Testing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using UglyToad.PdfPig;
using Page = UglyToad.PdfPig.Content.Page;

namespace LicenseAllocation.Application.Tests.Appendix;

/// <summary>The appendix as a PDF to attach to the letter, read back with PdfPig.</summary>
public sealed class AppendixPdfTests
{
    // A4 in points, as PdfPig reports a page's size.
    private const double A4Width = 595;
    private const double A4Height = 842;

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>The words printed in the top margin (above 2 cm): the page number and the draft mark.</summary>
    private static string TopMargin(Page page) =>
        string.Join(" ", page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - 2 / 2.54 * 72).Select(w => w.Text));

    [Fact]
    public void The_2020_appendix_as_PDF_has_the_letters_heading_reference_every_row_and_the_total_on_A4()
    {
        using var pdf = PdfDocument.Open(AppendixPdf.Render(AppendixWorkbookTests.Letter, draft: false));

        var text = string.Join(" ", pdf.GetPages().Select(Text));
        text.ShouldStartWith("Phụ lục DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC PHÂN BỐ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC (Kèm theo Công văn số /STTTT-CNTT");
        HasHeading(text);
        foreach (var row in AppendixWorkbookTests.Letter.Rows.Where(r => r.Name.Length < 40))
        {
            text.ShouldContain($"{row.Number} {row.Name} {row.Quantity.ToString("#,##0", Vietnamese)}");
        }

        // A name that wraps in its cell has its number and quantity printed level with the middle of its lines.
        text.ShouldContain("UBND 12 huyện, thành phố (sẽ có phân bổ chi 23 3.960 tiết)");

        text.ShouldContain("TỔNG CỘNG 5.137");
        text.ShouldContain("* Lưu ý: UBND cấp huyện phân bổ");
        text.ShouldNotContain("DỰ THẢO");
        pdf.GetPages().ShouldAllBe(p => Math.Round(p.Width) == A4Width && Math.Round(p.Height) == A4Height);
    }

    [Fact]
    public void A_draft_says_DU_THAO_at_the_top_of_every_page_and_a_long_table_repeats_its_heading_with_page_numbers_from_page_2()
    {
        var rows = Enumerable.Range(1, 120).Select(i => new AppendixRow(i, $"Cơ quan số {i} của tỉnh", i)).ToList();
        var document = AppendixWorkbookTests.Letter with { Rows = rows, Total = rows.Sum(r => r.Quantity) };

        using var pdf = PdfDocument.Open(AppendixPdf.Render(document, draft: true));

        var pages = pdf.GetPages().ToList();
        pages.Count.ShouldBeGreaterThan(2);
        TopMargin(pages[0]).ShouldBe("DỰ THẢO", "no number on the first page");
        for (var i = 1; i < pages.Count; i++)
        {
            TopMargin(pages[i]).ShouldBe($"{i + 1} DỰ THẢO");
            Text(pages[i]).ShouldStartWith($"{i + 1} DỰ THẢO");
            HasHeading(Text(pages[i]));
        }

        Text(pages[^1]).ShouldContain("TỔNG CỘNG 7.260");
    }

    [Fact]
    public void A_workbook_written_and_read_back_gives_the_same_appendix()
    {
        using var stream = new MemoryStream();
        AppendixWorkbook.Write(AppendixWorkbookTests.Letter, stream);
        stream.Position = 0;

        var read = AppendixWorkbook.Read(stream);

        (read.Label, read.Title, read.Reference, read.TotalLabel, read.Total, read.Note).ShouldBe((
            AppendixWorkbookTests.Letter.Label, AppendixWorkbookTests.Letter.Title, AppendixWorkbookTests.Letter.Reference,
            AppendixWorkbookTests.Letter.TotalLabel, AppendixWorkbookTests.Letter.Total, AppendixWorkbookTests.Letter.Note));
        read.Columns.ShouldBe(AppendixWorkbookTests.Letter.Columns);
        read.Rows.ShouldBe(AppendixWorkbookTests.Letter.Rows);
    }

    [Fact]
    public async Task A_draft_plan_prints_DU_THAO_in_its_workbook_and_PDF_and_the_published_one_in_neither()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 1, 6, 2, 0, 0, TimeSpan.Zero));
        await using var database = await SqliteTestDatabase.CreateAsync(clock: clock);
        var planId = await SeededPlan.PlanIdAsync(database.Factory);
        var workbooks = new AppendixExport(database.Factory);
        var pdfs = new AppendixPdfExport(workbooks);

        var draftWorkbook = (await workbooks.GetWorkbookAsync(SeededPlan.Admin, planId, Ct)).Value!;
        var draftPdf = (await pdfs.GetPdfAsync(SeededPlan.Admin, planId, Ct)).Value!;
        await new PlanPublication(database.Factory, clock).PublishAsync(SeededPlan.Admin, new PublishPlan(planId, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct);
        var publishedWorkbook = (await workbooks.GetWorkbookAsync(SeededPlan.Admin, planId, Ct)).Value!;
        var publishedPdf = (await pdfs.GetPdfAsync(SeededPlan.Admin, planId, Ct)).Value!;

        PrintHeaders(draftWorkbook.Content).ShouldContain(h => h.Contains("DỰ THẢO"));
        PrintHeaders(publishedWorkbook.Content).ShouldNotContain(h => h.Contains("DỰ THẢO"));
        using (var draft = PdfDocument.Open(draftPdf))
        {
            TopMargin(draft.GetPage(1)).ShouldBe("DỰ THẢO");
        }

        using var published = PdfDocument.Open(publishedPdf);
        TopMargin(published.GetPage(1)).ShouldBeEmpty();
        Text(published.GetPage(1)).ShouldContain("TỔNG CỘNG 5.137");
    }

    // The quantity's heading wraps onto two lines in its cell, so its words come out around the others'.
    private static void HasHeading(string text)
    {
        text.ShouldContain("STT Tên đơn vị");
        text.ShouldContain("Số lượng bản");
        text.ShouldContain("quyền được phân bổ");
    }

    private static List<string> PrintHeaders(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        return [.. document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<HeaderFooter>())
            .SelectMany(h => new string?[] { h.OddHeader?.Text, h.FirstHeader?.Text }).OfType<string>()];
    }
}
