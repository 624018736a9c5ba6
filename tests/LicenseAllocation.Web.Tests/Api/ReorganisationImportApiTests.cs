using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary><c>POST /api/v1/reorganisations/imports</c>: a preview on a dry run, 201 with the reorganisation, 422 with every problem by row.</summary>
public sealed class ReorganisationImportApiTests : AdminApiTests
{
    private static MultipartFormDataContent Json(TestReorganisation file) => FileForm(ReorganisationFiles.Json(file), "sap-xep.json", "application/json");

    private async Task<int> CountAsync() => (await AdminClient.GetFromJsonAsync<JsonElement>("/api/v1/reorganisations", Ct)).GetArrayLength();

    [Fact]
    public async Task A_dry_run_answers_200_with_the_preview_and_records_nothing()
    {
        var response = await AdminClient.PostAsync("/api/v1/reorganisations/imports?dryRun=true", Json(ReorganisationFiles.Valid()), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("preview");
        preview.GetProperty("effectiveFrom").GetString().ShouldBe("2026-01-01");
        preview.GetProperty("endingUnits").GetInt32().ShouldBe(117);
        var units = preview.GetProperty("units").EnumerateArray().ToList();
        units.Count.ShouldBe(6);
        units[3].GetProperty("formedFrom")[1].GetProperty("share").GetDecimal().ShouldBe(0.6m);
        (await CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_valid_json_file_answers_201_with_the_reorganisation()
    {
        var response = await AdminClient.PostAsync("/api/v1/reorganisations/imports", Json(ReorganisationFiles.Valid()), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/reorganisations/{body.GetProperty("id").GetInt32()}");
        body.GetProperty("name").GetString().ShouldBe(ReorganisationFiles.Name);
        body.GetProperty("newUnits").GetInt32().ShouldBe(6);
        (await CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task The_downloaded_template_filled_in_answers_201()
    {
        var template = await AdminClient.GetAsync("/api/v1/reorganisations/imports/template.xlsx", Ct);
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var workbook = new XLWorkbook(new MemoryStream(await template.Content.ReadAsByteArrayAsync(Ct))))
        {
            workbook.Worksheets.Select(w => w.Name).ShouldBe(["Thông tin", "Đơn vị mới", "Hướng dẫn"]);
        }

        var response = await AdminClient.PostAsync("/api/v1/reorganisations/imports",
            FileForm(ReorganisationFiles.Workbook(ReorganisationFiles.Valid()), "sap-xep.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("vi-VN", "Không tìm thấy đơn vị cũ \"99999\"")]
    [InlineData("en-US", "The old unit \"99999\" is not in the portal")]
    public async Task A_refused_file_answers_422_with_each_problem_by_row_in_the_callers_language(string language, string message)
    {
        var file = ReorganisationFiles.Valid();
        file = file with { Communes = [file.Communes[0], file.Communes[1], file.Communes[2] with { From = [new TestLink("99999", "Xã Không Có")] }] };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reorganisations/imports") { Content = Json(file) };
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await AdminClient.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("code").GetString().ShouldBe("invalid-reorganisation");
        var error = body.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("code").GetString().ShouldBe("old-unit-unknown");
        error.GetProperty("column").GetString().ShouldBe("communes[2].formedFrom[0].code");
        error.GetProperty("row").GetInt32().ShouldBeGreaterThan(1);
        error.GetProperty("message").GetString()!.ShouldStartWith(message);
        (await CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_answers_413()
    {
        var response = await AdminClient.PostAsync("/api/v1/reorganisations/imports", FileForm(new byte[(5 * 1024 * 1024) + 1], "lon.json", "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("file-too-large");
    }
}
