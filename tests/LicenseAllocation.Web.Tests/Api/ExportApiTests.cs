using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClosedXML.Excel;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>The districts workbook and the flat export over HTTP, for the province and for a district officer.</summary>
public sealed class ExportApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_districts_workbook_downloads_with_a_summary_and_12_district_sheets()
    {
        using var client = await portal.CreateAdminClientAsync();

        using var response = await client.GetAsync("/api/v1/plans/1/districts.xlsx", Ct);

        ShouldBeWorkbook(response, "phan-bo-cac-huyen-ke-hoach-1.xlsx");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        workbook.Worksheets.Count.ShouldBe(1 + SeedFacts.Districts);
        workbook.Worksheet(1).Name.ShouldBe("Tổng hợp");
        workbook.Worksheet(2).Name.ShouldBe("Thành phố Cao Lãnh");
    }

    [Fact]
    public async Task The_districts_PDF_downloads_with_the_summary_and_a_document_per_district_marked_as_drafts()
    {
        using var client = await portal.CreateAdminClientAsync();

        using var response = await client.GetAsync("/api/v1/plans/1/districts.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("phan-bo-cac-huyen-ke-hoach-1.pdf");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        pages[0].ShouldContain("Phụ lục PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC CỦA CÁC HUYỆN, THÀNH PHỐ (Kèm theo");
        pages.Count(p => p.Contains("Phụ lục PHÂN BỔ", StringComparison.Ordinal)).ShouldBe(1 + SeedFacts.Districts);
        pages.ShouldAllBe(p => p.Contains("DỰ THẢO"));
    }

    [Fact]
    public async Task One_district_downloads_under_its_own_name()
    {
        using var client = await portal.CreateAdminClientAsync();
        var caoLanh = await UnitIdAsync(client, "866");

        using var response = await client.GetAsync($"/api/v1/plans/1/districts/{caoLanh}.xlsx", Ct);

        ShouldBeWorkbook(response, "phan-bo-thanh-pho-cao-lanh-ke-hoach-1.xlsx");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        workbook.Worksheets.Select(s => s.Name).ShouldBe(["Tổng hợp", "Thành phố Cao Lãnh"]);
    }

    [Fact]
    public async Task The_flat_export_downloads_one_row_per_unit_of_the_plan()
    {
        using var client = await portal.CreateAdminClientAsync();

        using var response = await client.GetAsync("/api/v1/plans/1/export.xlsx", Ct);

        ShouldBeWorkbook(response, "danh-sach-don-vi-ke-hoach-1.xlsx");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        var sheet = workbook.Worksheet(1);
        sheet.LastRowUsed().RowNumber().ShouldBe(1 + SeedFacts.Units);
        sheet.Cell(2, 7).GetValue<int>().ShouldBe(SeedFacts.Total);
    }

    [Fact]
    public async Task A_district_officer_gets_their_district_alone_and_is_refused_another()
    {
        using var admin = await portal.CreateAdminClientAsync();
        var caoLanh = await UnitIdAsync(admin, "866");
        var saDec = await UnitIdAsync(admin, "867");
        using var officer = await OfficerClientAsync(admin, caoLanh);

        using (var districts = await officer.GetAsync("/api/v1/plans/1/districts.xlsx", Ct))
        {
            districts.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var workbook = new XLWorkbook(await districts.Content.ReadAsStreamAsync(Ct));
            workbook.Worksheets.Select(s => s.Name).ShouldBe(["Tổng hợp", "Thành phố Cao Lãnh"]);
        }

        using (var units = await officer.GetAsync("/api/v1/plans/1/export.xlsx", Ct))
        {
            using var workbook = new XLWorkbook(await units.Content.ReadAsStreamAsync(Ct));
            workbook.Worksheet(1).LastRowUsed().RowNumber().ShouldBe(1 + 16);
        }

        using var other = await officer.GetAsync($"/api/v1/plans/1/districts/{saDec}.xlsx", Ct);
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("out-of-scope");
    }

    [Theory]
    [InlineData("/api/v1/plans/42/districts.xlsx")]
    [InlineData("/api/v1/plans/42/export.xlsx")]
    [InlineData("/api/v1/plans/1/districts/99999.xlsx")]
    public async Task An_unknown_plan_or_district_is_404(string path)
    {
        using var client = await portal.CreateAdminClientAsync();

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("not-found");
    }

    [Theory]
    [InlineData("/api/v1/plans/1/districts.xlsx")]
    [InlineData("/api/v1/plans/1/export.xlsx")]
    public async Task The_workbooks_need_a_signed_in_caller(string path)
    {
        using var client = portal.CreateClient();

        (await client.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static void ShouldBeWorkbook(HttpResponseMessage response, string fileName)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(fileName);
    }

    private static async Task<int> UnitIdAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!.Single(u => u.Code == code).UnitId;

    private async Task<HttpClient> OfficerClientAsync(HttpClient admin, int district)
    {
        var userName = $"can-bo-{Guid.NewGuid():N}";
        const string Password = "mật khẩu cán bộ huyện";
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = Password, role = "DistrictOfficer", scopeUnitId = district, mustChangePassword = false }, Ct))
            .EnsureSuccessStatusCode();
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await portal.TokenAsync(userName, Password));
        return client;
    }
}
