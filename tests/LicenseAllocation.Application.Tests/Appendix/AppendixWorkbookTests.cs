using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Appendix;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Appendix;

/// <summary>Writes the official 2020 appendix, as embedded in the Application assembly, and reads the file back.</summary>
public sealed class AppendixWorkbookTests
{
    private const string Reference = "(Kèm theo Công văn số /STTTT-CNTT ngày tháng 12 năm 2020 của Sở Thông tin và Truyền thông)";
    private const int TotalRow = AppendixWorkbook.FirstDataRow + 23;
    private const int NoteRow = TotalRow + 2;

    internal static readonly AppendixDocument Letter = ReadLetter();

    [Fact]
    public void Appendix_opens_with_label_title_and_reference_merged_across_the_table()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        sheet.Name.ShouldBe("Phụ lục");
        Heading(sheet, 1).ShouldBe("Phụ lục");
        Heading(sheet, 2).ShouldBe("DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC PHÂN BỐ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC");
        Heading(sheet, 3).ShouldBe(Reference);
        sheet.Cell(1, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.Cell(2, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.Cell(3, 1).Style.Font.Italic.ShouldBeTrue();
        sheet.Row(4).IsEmpty().ShouldBeTrue();
    }

    [Fact]
    public void Title_and_reference_rows_are_tall_enough_for_the_two_lines_they_wrap_to()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        sheet.Cell(2, 1).Style.Alignment.WrapText.ShouldBeTrue();
        sheet.Row(2).Height.ShouldBeGreaterThanOrEqualTo(2 * 15.0);
        sheet.Row(3).Height.ShouldBeGreaterThanOrEqualTo(2 * 15.0);
        sheet.Row(1).Height.ShouldBeLessThan(2 * 15.0);
    }

    [Fact]
    public void Table_header_names_the_three_columns_in_bold()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        var header = Enumerable.Range(1, 3).Select(c => sheet.Cell(AppendixWorkbook.HeaderRow, c)).ToList();
        header.Select(c => c.GetString()).ShouldBe(["STT", "Tên đơn vị", "Số lượng bản quyền được phân bổ"]);
        header.ShouldAllBe(c => c.Style.Font.Bold && c.Style.Alignment.WrapText
            && c.Style.Alignment.Horizontal == XLAlignmentHorizontalValues.Center);
    }

    [Fact]
    public void Appendix_rows_match_the_seed_letter()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        Letter.Rows.Count.ShouldBe(23);
        for (var i = 0; i < Letter.Rows.Count; i++)
        {
            var expected = Letter.Rows[i];
            var row = AppendixWorkbook.FirstDataRow + i;
            var (number, name, quantity) = (sheet.Cell(row, 1), sheet.Cell(row, 2), sheet.Cell(row, 3));

            number.DataType.ShouldBe(XLDataType.Number);
            number.GetValue<int>().ShouldBe(expected.Number);
            name.DataType.ShouldBe(XLDataType.Text);
            name.GetString().ShouldBe(expected.Name);
            quantity.DataType.ShouldBe(XLDataType.Number);
            quantity.GetValue<int>().ShouldBe(expected.Quantity);
            quantity.Style.NumberFormat.Format.ShouldContain("#,##0");
        }

        sheet.Cell(AppendixWorkbook.FirstDataRow + 22, 2).GetString().ShouldBe("UBND 12 huyện, thành phố (sẽ có phân bổ chi tiết)");
    }

    [Fact]
    public void Total_row_carries_5137_as_a_number()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        sheet.Cell(TotalRow, 1).IsEmpty().ShouldBeTrue();
        sheet.Cell(TotalRow, 2).GetString().ShouldBe("TỔNG CỘNG");
        var total = sheet.Cell(TotalRow, 3);
        total.DataType.ShouldBe(XLDataType.Number);
        total.GetValue<int>().ShouldBe(5137);
        total.Style.NumberFormat.Format.ShouldContain("#,##0");
        total.Style.Font.Bold.ShouldBeTrue();
        sheet.Cell(TotalRow, 2).Style.Font.Bold.ShouldBeTrue();
    }

    [Fact]
    public void The_note_follows_the_table_after_a_blank_row()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        sheet.Row(TotalRow + 1).IsEmpty().ShouldBeTrue();
        Heading(sheet, NoteRow).ShouldBe("* Lưu ý: UBND cấp huyện phân bổ đến các cơ quan hành chính cấp huyện và UBND cấp xã");
        sheet.Cell(NoteRow, 1).Style.Font.Italic.ShouldBeTrue();
        sheet.Cell(NoteRow, 1).Style.Alignment.WrapText.ShouldBeTrue();
        sheet.LastRowUsed().RowNumber().ShouldBe(NoteRow);
    }

    [Fact]
    public void Every_table_cell_is_Times_New_Roman_with_thin_borders()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        var cells = sheet.Range(AppendixWorkbook.HeaderRow, 1, TotalRow, 3).Cells().ToList();
        cells.Count.ShouldBe(25 * 3);
        foreach (var cell in cells)
        {
            cell.Style.Font.FontName.ShouldBe("Times New Roman", cell.Address.ToString());
            var border = cell.Style.Border;
            new[] { border.TopBorder, border.BottomBorder, border.LeftBorder, border.RightBorder }
                .ShouldAllBe(b => b == XLBorderStyleValues.Thin, cell.Address.ToString());
        }

        sheet.Cell(1, 1).Style.Font.FontName.ShouldBe("Times New Roman");
        sheet.Cell(NoteRow, 1).Style.Font.FontName.ShouldBe("Times New Roman");
    }

    [Fact]
    public void Columns_have_explicit_widths()
    {
        using var workbook = Written(Letter);
        var sheet = workbook.Worksheet(1);

        Enumerable.Range(1, 3).Select(c => sheet.Column(c).Width).ShouldBe([7, 54, 22]);
    }

    [Fact]
    public void Page_prints_on_A4_portrait_one_page_wide_within_decree_30_margins()
    {
        using var workbook = Written(Letter);
        var page = workbook.Worksheet(1).PageSetup;

        page.PaperSize.ShouldBe(XLPaperSize.A4Paper);
        page.PageOrientation.ShouldBe(XLPageOrientation.Portrait);
        (page.PagesWide, page.PagesTall).ShouldBe((1, 0));
        page.CenterHorizontally.ShouldBeTrue();
        (page.Margins.Top * 2.54).ShouldBe(2, tolerance: 0.01);
        (page.Margins.Bottom * 2.54).ShouldBe(2, tolerance: 0.01);
        (page.Margins.Left * 2.54).ShouldBe(3, tolerance: 0.01);
        (page.Margins.Right * 2.54).ShouldBeInRange(1.5, 2.0);
    }

    [Fact]
    public void Later_pages_repeat_the_table_header_and_are_numbered_from_page_2()
    {
        using var workbook = Written(Letter);
        var page = workbook.Worksheet(1).PageSetup;

        (page.FirstRowToRepeatAtTop, page.LastRowToRepeatAtTop).ShouldBe((AppendixWorkbook.HeaderRow, AppendixWorkbook.HeaderRow));
        page.DifferentFirstPageOnHF.ShouldBeTrue();
        page.Header.Center.GetText(XLHFOccurrence.OddPages).ShouldContain("&P");
        page.Header.Center.GetText(XLHFOccurrence.FirstPage).ShouldBeEmpty();
    }

    [Fact]
    public void The_repeated_header_row_is_an_absolute_reference_that_LibreOffice_also_honours()
    {
        var stream = new MemoryStream();
        AppendixWorkbook.Write(Letter, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);

        document.WorkbookPart!.Workbook.Descendants<DefinedName>()
            .Single(n => n.Name == "_xlnm.Print_Titles").Text.ShouldBe("'Phụ lục'!$5:$5");
    }

    [Fact]
    public void Workbook_names_the_department_as_author_and_the_appendix_title()
    {
        using var workbook = Written(Letter);

        workbook.Properties.Author.ShouldBe("Sở Thông tin và Truyền thông");
        workbook.Properties.Title.ShouldBe(Letter.Title);
    }

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@x")]
    [InlineData("\tx")]
    public void A_unit_name_that_reads_as_a_formula_is_written_neutralised(string name)
    {
        using var workbook = Written(Letter with { Rows = [new AppendixRow(1, name, 5)], Total = 5 });
        var cell = workbook.Worksheet(1).Cell(AppendixWorkbook.FirstDataRow, 2);

        cell.HasFormula.ShouldBeFalse();
        cell.DataType.ShouldBe(XLDataType.Text);
        cell.GetString().ShouldBe("'" + name);
    }

    [Theory]
    [InlineData("00123")]
    [InlineData("1/2")]
    public void A_unit_name_that_looks_like_a_number_or_date_stays_that_text(string name)
    {
        using var workbook = Written(Letter with { Rows = [new AppendixRow(1, name, 5)], Total = 5 });
        var cell = workbook.Worksheet(1).Cell(AppendixWorkbook.FirstDataRow, 2);

        cell.DataType.ShouldBe(XLDataType.Text);
        cell.GetString().ShouldBe(name);
    }

    private static XLWorkbook Written(AppendixDocument document)
    {
        var stream = new MemoryStream();
        AppendixWorkbook.Write(document, stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    /// <summary>A line of running text: its cell holds the text and is merged across the three columns.</summary>
    private static string Heading(IXLWorksheet sheet, int row)
    {
        var cell = sheet.Cell(row, 1);
        cell.IsMerged().ShouldBeTrue($"row {row} is merged");
        cell.MergedRange().RangeAddress.ToString().ShouldBe($"A{row}:C{row}");
        return cell.GetString();
    }

    private static AppendixDocument ReadLetter()
    {
        using var stream = typeof(AppendixDocument).Assembly.GetManifestResourceStream("Seeding.appendix-2020.json")!;
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var header = root.GetProperty("header");
        string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

        return new AppendixDocument(
            Text(header, "superior"),
            Text(header, "issuer"),
            Text(header, "appendixLabel"),
            Text(header, "appendixTitle"),
            Text(header, "appendixReference"),
            header.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList(),
            root.GetProperty("rows").EnumerateArray()
                .Select(r => new AppendixRow(r.GetProperty("stt").GetInt32(), Text(r, "name"), r.GetProperty("quantity").GetInt32()))
                .ToList(),
            Text(root, "totalLabel"),
            root.GetProperty("total").GetInt32(),
            Text(root, "note"));
    }
}
