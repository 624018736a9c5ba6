using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using LicenseAllocation.Application.Appendix;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

public sealed class AppendixApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A download as the administrator: 200, of the type and with a file name ending as given.</summary>
    private async Task<byte[]> DownloadAsAdminAsync(string path, string mediaType, string extension)
    {
        using var client = await portal.CreateAdminClientAsync();
        var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldEndWith(extension);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [Fact]
    public async Task The_appendix_downloads_as_a_PDF_marked_as_a_draft_with_the_letters_total()
    {
        var content = await DownloadAsAdminAsync("/api/v1/plans/1/appendix.pdf", "application/pdf", ".pdf");

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(content);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        words.ShouldStartWith("DỰ THẢO Phụ lục");
        words.ShouldContain("TỔNG CỘNG 5.137");
    }

    [Fact]
    public async Task The_appendix_downloads_as_a_workbook_with_the_23_rows_and_the_total()
    {
        var content = await DownloadAsAdminAsync(
            "/api/v1/plans/1/appendix.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

        using var workbook = new XLWorkbook(new MemoryStream(content));
        var sheet = workbook.Worksheet(1);
        var header = sheet.Column(1).CellsUsed().First(c => c.GetString() == "STT").Address.RowNumber;
        using var letter = await JsonDocument.ParseAsync(
            typeof(AppendixDocument).Assembly.GetManifestResourceStream("Seeding.appendix-2020.json")!, cancellationToken: Ct);
        var expected = letter.RootElement.GetProperty("rows").EnumerateArray().ToList();
        expected.Count.ShouldBe(23);
        for (var i = 0; i < expected.Count; i++)
        {
            // Row by row against the letter: number, name exactly as written, quantity as a number.
            var row = sheet.Row(header + 1 + i);
            row.Cell(1).GetValue<int>().ShouldBe(expected[i].GetProperty("stt").GetInt32());
            row.Cell(2).GetString().ShouldBe(expected[i].GetProperty("name").GetString());
            row.Cell(3).DataType.ShouldBe(XLDataType.Number);
            row.Cell(3).GetValue<int>().ShouldBe(expected[i].GetProperty("quantity").GetInt32());
        }

        var total = sheet.Row(header + 1 + expected.Count);
        total.Cell(2).GetString().ShouldBe("TỔNG CỘNG");
        total.Cell(3).GetValue<int>().ShouldBe(5137);
    }

    [Fact]
    public async Task The_appendix_needs_a_signed_in_caller()
    {
        using var client = portal.CreateClient();

        (await client.GetAsync("/api/v1/plans/1/appendix.xlsx", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_appendix_of_an_unknown_plan_is_404()
    {
        using var client = await portal.CreateAdminClientAsync();

        (await client.GetAsync("/api/v1/plans/42/appendix.xlsx", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
