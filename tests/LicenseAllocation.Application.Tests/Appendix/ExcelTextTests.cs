using ClosedXML.Excel;
using LicenseAllocation.Application.Appendix;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Appendix;

public sealed class ExcelTextTests
{
    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@x")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    public void Text_a_spreadsheet_would_read_as_a_formula_gets_a_leading_quote(string text) =>
        ExcelText.Safe(text).ShouldBe("'" + text);

    [Theory]
    [InlineData("VP. UBND tỉnh")]
    [InlineData("Sở Lao động - Thương binh và Xã hội")]
    [InlineData("a=b")]
    [InlineData("00123")]
    [InlineData("1/2")]
    [InlineData(" =1")]
    [InlineData("")]
    public void Other_text_is_left_as_it_is(string text) => ExcelText.Safe(text).ShouldBe(text);

    [Theory]
    [InlineData("00123")]
    [InlineData("1/2")]
    [InlineData("1e5")]
    [InlineData("TRUE")]
    public void Text_that_looks_like_a_number_date_or_boolean_is_stored_as_that_text(string text)
    {
        using var workbook = new XLWorkbook();
        ExcelText.SetText(workbook.AddWorksheet("x").Cell(1, 1), text);

        using var reread = Reread(workbook);
        var cell = reread.Worksheet(1).Cell(1, 1);
        cell.DataType.ShouldBe(XLDataType.Text);
        cell.GetString().ShouldBe(text);
    }

    [Fact]
    public void A_formula_written_as_text_is_never_a_formula()
    {
        using var workbook = new XLWorkbook();
        ExcelText.SetText(workbook.AddWorksheet("x").Cell(1, 1), "=1+1");

        using var reread = Reread(workbook);
        var cell = reread.Worksheet(1).Cell(1, 1);
        cell.HasFormula.ShouldBeFalse();
        cell.DataType.ShouldBe(XLDataType.Text);
        cell.GetString().ShouldBe("'=1+1");
    }

    private static XLWorkbook Reread(XLWorkbook workbook)
    {
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }
}
