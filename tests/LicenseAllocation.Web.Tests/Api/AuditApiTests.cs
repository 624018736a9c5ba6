using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Auditing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>
/// The audit API over one portal. Each test makes its own changes on units no other test of the class touches, and
/// finds them by unit or change set.
/// </summary>
public sealed class AuditApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Letter = "Công văn số 123/UBND-VX ngày 05/01/2021";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_quantity_change_with_its_letter_is_the_newest_row_of_its_unit()
    {
        using var client = await portal.CreateAdminClientAsync();
        var unit = await UnitAsync(client, u => u.Name == "Sở Lao động - Thương binh và Xã hội");

        (await client.PutAsJsonAsync($"/api/v1/plans/1/units/{unit.UnitId}/quantity", new { quantity = 50, reason = "Chuyển bớt về dự phòng", documentRef = Letter }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/plans/1/audit?unitId={unit.UnitId}", Ct));
        body.RootElement.GetProperty("total").GetInt32().ShouldBe(2);
        var newest = body.RootElement.GetProperty("items")[0];
        newest.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "sequence", "planId", "at", "actor", "action", "unitId", "unitName", "old", "new", "reason", "changeSetId", "documentRef", "hash"], ignoreOrder: true);
        newest.GetProperty("at").GetString().ShouldEndWith("+07:00");
        (newest.GetProperty("actor").GetString(), newest.GetProperty("action").GetString(), newest.GetProperty("unitName").GetString()).ShouldBe(("admin", "QuantityChanged", unit.Name));
        (newest.GetProperty("old").GetInt32(), newest.GetProperty("new").GetInt32()).ShouldBe((54, 50));
        newest.GetProperty("documentRef").GetString().ShouldBe(Letter);
        body.RootElement.GetProperty("items")[1].GetProperty("action").GetString().ShouldBe("Seeded");
    }

    [Fact]
    public async Task A_bulk_edit_with_its_letter_is_found_by_its_change_set()
    {
        using var client = await portal.CreateAdminClientAsync();
        var district = await UnitAsync(client, u => u.Code == "868");
        var commune = await UnitAsync(client, u => u.ParentUnitId == district.UnitId);

        var response = await client.PutAsJsonAsync("/api/v1/plans/1/quantities", new
        {
            reason = "Giao cho huyện",
            documentRef = Letter,
            items = new[] { new { unitId = district.UnitId, quantity = 100 }, new { unitId = commune.UnitId, quantity = 10 } },
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changeSet = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("changeSetId").GetGuid();

        var page = (await client.GetFromJsonAsync<AuditPageJson>($"/api/v1/plans/1/audit?changeSetId={changeSet}", Ct))!;

        page.Items.Select(i => (i.UnitId, i.New)).ShouldBe([(commune.UnitId, 10), (district.UnitId, 100)], ignoreOrder: true);
        page.Items.ShouldAllBe(i => i.DocumentRef == Letter && i.ChangeSetId == changeSet);
    }

    [Theory]
    [InlineData("/api/v1/plans/1/units/5/quantity")]
    [InlineData("/api/v1/plans/1/quantities")]
    public async Task A_letter_longer_than_200_characters_is_400_document_ref_too_long(string path)
    {
        using var client = await portal.CreateAdminClientAsync();
        object body = path.EndsWith("/quantities", StringComparison.Ordinal)
            ? new { reason = "Thử", documentRef = new string('x', 201), items = new[] { new { unitId = 5, quantity = 1 } } }
            : new { quantity = 1, reason = "Thử", documentRef = new string('x', 201) };

        var response = await client.PutAsJsonAsync(path, body, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("document-ref-too-long");
        problem.Detail!.ShouldStartWith("Căn cứ văn bản không quá 200 ký tự (đã nhập 201)");
    }

    [Theory]
    [InlineData("from=05/01/2021", "from")]
    [InlineData("to=2021-13-01", "to")]
    [InlineData("action=Deleted", "action")]
    [InlineData("page=0", "page")]
    [InlineData("unitId=abc", "unitId")]
    [InlineData("changeSetId=abc", "changeSetId")]
    [InlineData("from=2021-01-06&to=2021-01-05", "from")]
    public async Task A_filter_that_is_not_understood_is_400_invalid_filter_naming_it(string query, string parameter)
    {
        using var client = await portal.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/v1/plans/1/audit?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("invalid-filter");
        problem.Detail!.ShouldContain(parameter);
    }

    [Fact]
    public async Task The_trail_of_an_unknown_plan_is_404()
    {
        using var client = await portal.CreateAdminClientAsync();

        (await client.GetAsync("/api/v1/plans/42/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pages_have_a_fixed_size_of_50_and_give_the_total()
    {
        using var client = await portal.CreateAdminClientAsync();
        var first = (await client.GetFromJsonAsync<AuditPageJson>("/api/v1/audit", Ct))!;
        var last = (await client.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?page={((first.Total - 1) / 50) + 1}", Ct))!;

        (first.Page, first.PageSize).ShouldBe((1, 50));
        first.Items.Length.ShouldBe(Math.Min(first.Total, 50));
        first.Items.Select(i => i.Sequence).ShouldBeInOrder(SortDirection.Descending);
        last.Items.Length.ShouldBe(((first.Total - 1) % 50) + 1);
        last.Items[^1].Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task Account_changes_are_on_the_portal_trail_and_not_on_a_plans()
    {
        using var client = await portal.CreateAdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/users", new { userName = "kiem-tra-vien-moi", password = "mật khẩu kiểm tra viên", role = "Auditor" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var portalTrail = (await client.GetFromJsonAsync<AuditPageJson>("/api/v1/audit?action=UserCreated&userName=ADMIN", Ct))!;
        var planTrail = (await client.GetFromJsonAsync<AuditPageJson>("/api/v1/plans/1/audit?action=UserCreated", Ct))!;

        portalTrail.Items.ShouldContain(i => i.Reason == "Tạo tài khoản \"kiem-tra-vien-moi\", vai trò Kiểm tra viên" && i.PlanId == null && i.UnitId == null);
        planTrail.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_district_officer_reads_the_districts_rows_and_no_account_rows()
    {
        using var admin = await portal.CreateAdminClientAsync();
        var district = await UnitAsync(admin, u => u.Code == "869");
        var office = await UnitAsync(admin, u => u.Name == "VP. HĐND tỉnh");
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "can-bo-869", password = "mật khẩu cán bộ huyện", role = "DistrictOfficer", scopeUnitId = district.UnitId, mustChangePassword = false }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PutAsJsonAsync($"/api/v1/plans/1/units/{district.UnitId}/quantity", new { quantity = 40, reason = "Giao cho huyện" }, Ct)).EnsureSuccessStatusCode();
        using var officer = portal.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await portal.TokenAsync("can-bo-869", "mật khẩu cán bộ huyện"));

        var trail = (await officer.GetFromJsonAsync<AuditPageJson>("/api/v1/audit", Ct))!;
        var outside = await officer.GetAsync($"/api/v1/plans/1/audit?unitId={office.UnitId}", Ct);

        trail.Items.ShouldHaveSingleItem().UnitId.ShouldBe(district.UnitId);
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await outside.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("out-of-scope");
        (await officer.GetAsync("/api/v1/audit/verify", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_units_history_runs_oldest_first_with_the_quantity_after_each_change()
    {
        using var client = await portal.CreateAdminClientAsync();
        var unit = await UnitAsync(client, u => u.Code == "870");
        foreach (var (quantity, letter) in new[] { (30, Letter), (25, (string?)null) })
        {
            (await client.PutAsJsonAsync($"/api/v1/plans/1/units/{unit.UnitId}/quantity", new { quantity, reason = "Điều chỉnh", documentRef = letter }, Ct)).EnsureSuccessStatusCode();
        }

        var history = (await client.GetFromJsonAsync<UnitHistoryJson>($"/api/v1/plans/1/units/{unit.UnitId}/history", Ct))!;

        history.Items.Select(i => (i.Old, i.New, i.QuantityAfter, i.DocumentRef)).ShouldBe([(0, 30, 30, Letter), (30, 25, 25, null)]);
        (history.TrailQuantity, history.Reconciles, history.Unit.Quantity).ShouldBe((25, true, 25));
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain_with_every_row_checked()
    {
        using var client = await portal.CreateAdminClientAsync();

        var verdict = (await client.GetFromJsonAsync<AuditVerdictJson>("/api/v1/audit/verify", Ct))!;
        var total = (await client.GetFromJsonAsync<AuditPageJson>("/api/v1/audit", Ct))!.Total;

        verdict.Valid.ShouldBeTrue();
        verdict.Checked.ShouldBe(total);
        (verdict.FirstBrokenId, verdict.Problem).ShouldBe((null, null));
        verdict.HeadHash.ShouldMatch("^[0-9a-f]{64}$");
        verdict.Message.ShouldStartWith("Nhật ký toàn vẹn: đã kiểm tra");
    }

    [Fact]
    public async Task The_workbook_holds_every_matching_row_not_one_page_with_Vietnam_times_and_numbers()
    {
        using var client = await portal.CreateAdminClientAsync();
        var unit = await UnitAsync(client, u => u.Name == "VP. HĐND tỉnh");
        for (var i = 0; i < 55; i++)
        {
            var reason = i == 54 ? "=HYPERLINK(\"http://x\") chuyển bớt" : $"Lần {i + 1}";
            (await client.PutAsJsonAsync($"/api/v1/plans/1/units/{unit.UnitId}/quantity", new { quantity = 24 - ((i + 1) % 2), reason, documentRef = Letter }, Ct))
                .EnsureSuccessStatusCode();
        }

        var page = (await client.GetFromJsonAsync<AuditPageJson>($"/api/v1/plans/1/audit?unitId={unit.UnitId}", Ct))!;
        var response = await client.GetAsync($"/api/v1/plans/1/audit.xlsx?unitId={unit.UnitId}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("nhat-ky-ke-hoach-1.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(AuditWorkbook.SheetName);
        page.Total.ShouldBe(56);
        Enumerable.Range(1, AuditWorkbook.Columns.Count).Select(c => sheet.Cell(AuditWorkbook.HeaderRow, c).GetString()).ShouldBe(AuditWorkbook.Columns);
        sheet.LastRowUsed()!.RowNumber().ShouldBe(AuditWorkbook.HeaderRow + page.Total);

        var newest = page.Items[0];
        var row = sheet.Row(AuditWorkbook.FirstDataRow);
        row.Cell(2).GetValue<long>().ShouldBe(newest.Id);
        row.Cell(3).DataType.ShouldBe(XLDataType.DateTime);
        row.Cell(3).Style.DateFormat.Format.ShouldBe("dd/MM/yyyy HH:mm");
        // Excel keeps times as fractions of a day: to the millisecond, not the microsecond of the audit row.
        row.Cell(3).GetDateTime().ShouldBe(newest.At.DateTime, TimeSpan.FromMilliseconds(1));
        row.Cell(5).GetString().ShouldBe("Trang bị phần mềm phòng chống mã độc thống nhất trên toàn tỉnh — phiên bản 1");
        row.Cell(6).GetString().ShouldBe("Thay đổi số lượng");
        row.Cell(8).DataType.ShouldBe(XLDataType.Number);
        row.Cell(8).Style.NumberFormat.Format.ShouldBe("#,##0");
        (row.Cell(8).GetValue<int>(), row.Cell(9).GetValue<int>()).ShouldBe((newest.Old!.Value, newest.New!.Value));
        row.Cell(10).HasFormula.ShouldBeFalse();
        row.Cell(10).GetString().ShouldBe("'=HYPERLINK(\"http://x\") chuyển bớt");
        row.Cell(11).GetString().ShouldBe(Letter);
        sheet.Row(AuditWorkbook.FirstDataRow + page.Total - 1).Cell(6).GetString().ShouldBe("Nạp số liệu ban đầu");
        sheet.Cell(AuditWorkbook.FirstDataRow, 4).Style.Font.FontName.ShouldBe("Times New Roman");
        sheet.PageSetup.PaperSize.ShouldBe(XLPaperSize.A4Paper);
        sheet.PageSetup.PageOrientation.ShouldBe(XLPageOrientation.Landscape);
        using var package = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        package.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ShouldBe(AuditWorkbook.ColumnWidths);
        package.WorkbookPart!.Workbook.Descendants<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles").Text.ShouldBe("'Nhật ký'!$6:$6");
    }

    private static async Task<UnitJson> UnitAsync(HttpClient client, Func<UnitJson, bool> match) =>
        (await client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!.First(match);
}
