using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

internal sealed record ImportChangeJson(int UnitId, string? Code, string Name, int Old, int New, string Sheet, int Row);

internal sealed record ImportNeedChangeJson(int UnitId, string? Code, string Name, int? Old, int New, string Sheet, int Row);

internal sealed record ImportNeedsJson(bool Applied, ImportNeedChangeJson[] NeedChanges);

internal sealed record ImportErrorJson(string? Sheet, int? Row, string? Column, string Code, string Message);

/// <summary>The 200 body, and the 422 problem whose extensions carry the same fields.</summary>
internal sealed record ImportJson(bool Applied, Guid? ChangeSetId, ImportChangeJson[] Changes, ImportErrorJson[] Errors, string? Code, int Status);

/// <summary>A district officer imports through the API with a bearer token. Each test gets a fresh portal: these tests change figures.</summary>
public sealed class ImportApiTests : IAsyncLifetime
{
    private const string OfficerPassword = "cán bộ thành phố Cao Lãnh";
    private readonly PortalFactory _portal = new();
    private HttpClient _admin = default!;
    private HttpClient _officer = default!;
    private int _caoLanh;
    private int _saDec;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _admin = await _portal.CreateAdminClientAsync();
        var units = (await _admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        _caoLanh = units.Single(u => u.Code == "866").UnitId;
        _saDec = units.Single(u => u.Code == "867").UnitId;
        (await _admin.PutAsJsonAsync($"/api/v1/plans/1/units/{_caoLanh}/quantity", new { quantity = 300, reason = "Giao cho thành phố" }, Ct)).EnsureSuccessStatusCode();
        await CreateUserAsync("caolanh", "DistrictOfficer");
        await CreateUserAsync("xem-caolanh", "UnitViewer");
        _officer = await ClientAsync("caolanh");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _officer.Dispose();
        await _portal.DisposeAsync();
    }

    private async Task CreateUserAsync(string userName, string role) =>
        (await _admin.PostAsJsonAsync("/api/v1/users", new { userName, password = OfficerPassword, role, scopeUnitId = _caoLanh, mustChangePassword = false }, Ct)).EnsureSuccessStatusCode();

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _portal.TokenAsync(userName, OfficerPassword));
        return client;
    }

    private static async Task<byte[]> TemplateAsync(HttpClient client, int unitId)
    {
        var response = await client.GetAsync($"/api/v1/plans/1/units/{unitId}/template.xlsx", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static Task<HttpResponseMessage> UploadAsync(
        HttpClient client, byte[] file, string? reason = null, bool dryRun = false, string? language = null, string? documentRef = null)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "mau-phan-bo.xlsx" } };
        if (reason is not null)
        {
            content.Add(new StringContent(reason), "reason");
        }

        if (documentRef is not null)
        {
            content.Add(new StringContent(documentRef), "documentRef");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/1/imports{(dryRun ? "?dryRun=true" : string.Empty)}") { Content = content };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return client.SendAsync(request, Ct);
    }

    private async Task<UnitJson[]> UnitsAsync() => (await _admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;

    private static async Task<ImportJson> BodyAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<ImportJson>(Ct))!;

    [Fact]
    public async Task A_template_with_needs_answers_the_need_changes_on_a_dry_run_and_when_applied()
    {
        var file = WorkbookFiles.Edit(await TemplateAsync(_officer, _caoLanh), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            var needColumn = WorkbookFiles.TextCell(sheet, TemplateLayout.NeedHeader).Address.ColumnNumber;
            WorkbookFiles.QuantityCell(sheet, "Phường 11").SetValue(40);
            sheet.Cell(WorkbookFiles.TextCell(sheet, "Phường 11").Address.RowNumber, needColumn).SetValue(55);
        });

        var preview = await UploadAsync(_officer, file, dryRun: true);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var previewed = (await preview.Content.ReadFromJsonAsync<ImportNeedsJson>(Ct))!;
        previewed.NeedChanges.Select(c => (c.Code, c.Old, c.New)).ShouldBe([("29863", (int?)null, 55)]);

        var applied = await UploadAsync(_officer, file, "Phân bổ và kê khai nhu cầu");
        applied.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await applied.Content.ReadFromJsonAsync<ImportNeedsJson>(Ct))!;
        body.Applied.ShouldBeTrue();
        body.NeedChanges.ShouldHaveSingleItem().New.ShouldBe(55);
    }

    [Fact]
    public async Task An_import_whose_reason_is_only_invisible_characters_changes_nothing()
    {
        var file = WorkbookFiles.WithQuantities(await TemplateAsync(_officer, _caoLanh), new Dictionary<string, int> { ["Phường 11"] = 40 });
        var before = await UnitsAsync();

        var response = await UploadAsync(_officer, file, reason: "\u200B\u200B");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await BodyAsync(response);
        body.Applied.ShouldBeFalse();
        body.Errors.Select(e => e.Code).ShouldBe(["invalid-characters"]);
        (await UnitsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_officer_downloads_fills_previews_and_applies_the_template_the_dry_run_changing_nothing()
    {
        var file = WorkbookFiles.WithQuantities(await TemplateAsync(_officer, _caoLanh), new Dictionary<string, int> { ["Phường 11"] = 40, ["Phường 1"] = 60 });
        var before = await UnitsAsync();

        var preview = await UploadAsync(_officer, file, dryRun: true);

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var previewed = await BodyAsync(preview);
        previewed.Applied.ShouldBeFalse();
        previewed.Errors.ShouldBeEmpty();
        previewed.Changes.Select(c => (c.Code, c.Name, c.Old, c.New)).ShouldBe([("29863", "Phường 11", 0, 40), ("29866", "Phường 1", 0, 60)]);
        (await UnitsAsync()).ShouldBe(before);

        var withoutReason = await UploadAsync(_officer, file);
        withoutReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var refused = await BodyAsync(withoutReason);
        (refused.Code, refused.Applied, refused.Changes.Length).ShouldBe(("reason-required", false, 2));
        (await UnitsAsync()).ShouldBe(before);

        var applied = await UploadAsync(_officer, file, reason: "Phân bổ đợt 1 theo mẫu Excel");
        applied.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await BodyAsync(applied);
        body.Applied.ShouldBeTrue();
        body.ChangeSetId.ShouldNotBeNull();
        var after = await UnitsAsync();
        after.Single(u => u.Code == "29863").Quantity.ShouldBe(40);
        after.Single(u => u.Code == "866").HandedOn.ShouldBe(100);
    }

    [Fact]
    public async Task A_file_with_errors_is_422_listing_sheet_row_column_code_and_message_and_changes_nothing()
    {
        var file = WorkbookFiles.Edit(await TemplateAsync(_officer, _caoLanh), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            WorkbookFiles.QuantityCell(sheet, "Phường 11").SetValue(12.5);
            WorkbookFiles.QuantityCell(sheet, "Phường 1").FormulaA1 = "10*2";
        });
        var before = await UnitsAsync();

        var response = await UploadAsync(_officer, file, reason: "Thử");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await BodyAsync(response);
        (body.Code, body.Applied).ShouldBe(("import-refused", false));
        body.Errors.Select(e => (e.Sheet, e.Row, e.Column, e.Code)).ShouldBe([
            (TemplateLayout.SheetName, TemplateWorkbook.FirstDataRow, "D", "quantity-not-whole"),
            (TemplateLayout.SheetName, TemplateWorkbook.FirstDataRow + 1, "D", "formula-not-allowed"),
        ]);
        body.Errors[0].Message.ShouldBe("Số lượng phải là số nguyên, ô đang chứa 12,5.");
        (await UnitsAsync()).ShouldBe(before);

        var english = await BodyAsync(await UploadAsync(_officer, file, reason: "Test", language: "en-US"));
        english.Errors[0].Message.ShouldBe("The quantity must be a whole number; the cell holds 12.5.");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413_file_too_large()
    {
        var response = await UploadAsync(_officer, new byte[new ImportOptions().MaxFileBytes + 1], reason: "Thử");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("file-too-large");
    }

    [Fact]
    public async Task A_viewer_is_403_forbidden_and_an_officer_with_another_district_s_template_is_told_to_take_their_own()
    {
        var ownTemplate = await TemplateAsync(_officer, _caoLanh);
        using var viewer = await ClientAsync("xem-caolanh");

        var byViewer = await UploadAsync(viewer, ownTemplate, dryRun: true);
        var otherDistrict = await UploadAsync(_officer, await TemplateAsync(_admin, _saDec), dryRun: true);

        byViewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await byViewer.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("forbidden");
        otherDistrict.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var wrongFile = await BodyAsync(otherDistrict);
        (wrongFile.Code, wrongFile.Applied).ShouldBe(("out-of-scope", false));
        wrongFile.Errors.ShouldHaveSingleItem().Code.ShouldBe("other-unit-template");
        wrongFile.Errors[0].Message.ShouldContain("mẫu của Thành phố Cao Lãnh");
        (await _officer.GetAsync($"/api/v1/plans/1/units/{_saDec}/template.xlsx", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_optional_document_reference_is_written_on_the_imports_audit_rows_and_the_answer_gives_the_totals_before_and_after()
    {
        const string letter = "Quyết định số 45/QĐ-UBND ngày 10/02/2021";
        var file = WorkbookFiles.WithQuantities(await TemplateAsync(_officer, _caoLanh), new Dictionary<string, int> { ["Phường 11"] = 40, ["Phường 1"] = 60 });

        var response = await UploadAsync(_officer, file, reason: "Phân bổ theo mẫu", documentRef: letter);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        var changeSet = body.GetProperty("changeSetId").GetGuid();
        var totals = body.GetProperty("totals");
        (totals.GetProperty("allocated").GetInt32(), totals.GetProperty("handedOnBefore").GetInt32(), totals.GetProperty("handedOnAfter").GetInt32(),
            totals.GetProperty("remainingBefore").GetInt32(), totals.GetProperty("remainingAfter").GetInt32()).ShouldBe((300, 0, 100, 300, 200));
        var trail = (await _admin.GetFromJsonAsync<AuditPageJson>($"/api/v1/plans/1/audit?changeSetId={changeSet}", Ct))!;
        trail.Items.Length.ShouldBe(2);
        trail.Items.ShouldAllBe(i => i.DocumentRef == letter);
    }

    [Fact]
    public async Task A_document_reference_over_200_characters_is_422_document_ref_too_long_and_changes_nothing()
    {
        var file = WorkbookFiles.WithQuantities(await TemplateAsync(_officer, _caoLanh), new Dictionary<string, int> { ["Phường 11"] = 40 });
        var before = await UnitsAsync();

        var response = await UploadAsync(_officer, file, reason: "Phân bổ theo mẫu", documentRef: new string('x', 201));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await BodyAsync(response)).Code.ShouldBe("document-ref-too-long");
        (await UnitsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_officer_who_uploads_the_provinces_appendix_is_403_out_of_scope_told_to_take_the_districts_template_and_nothing_changes()
    {
        var appendix = await (await _admin.GetAsync("/api/v1/plans/1/appendix.xlsx", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var before = await UnitsAsync();

        var response = await UploadAsync(_officer, appendix, reason: "Nhập nhầm phụ lục");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var json = await response.Content.ReadAsStringAsync(Ct);
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var body = System.Text.Json.JsonSerializer.Deserialize<ImportJson>(json, web)!;
        body.Code.ShouldBe("out-of-scope");
        var error = body.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("province-appendix");
        System.Text.Json.JsonSerializer.Deserialize<ProblemJson>(json, web)!.Detail.ShouldBe(error.Message);
        error.Message.ShouldStartWith("Đây là phụ lục của cả tỉnh");
        error.Message.ShouldContain("Thành phố Cao Lãnh");
        (await UnitsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_post_without_a_file_is_400_file_required()
    {
        var response = await _officer.PostAsync("/api/v1/plans/1/imports", new MultipartFormDataContent { { new StringContent("Thử"), "reason" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("file-required");
    }
}
