using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>
/// Publishing, amending, copying, describing and comparing through the API. The tests share one portal and each works
/// on copies of the 2020 plan of its own, so that none of them locks a plan another one edits.
/// </summary>
public sealed class PlanLifecycleApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int OfficeOfTheCommittee = 2; // VP. UBND tỉnh, 65
    private const int OfficeOfTheCouncil = 3; // VP. HĐND tỉnh, 24

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PlanDetailJson> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = (await response.Content.ReadFromJsonAsync<PlanDetailJson>(Ct))!;
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/plans/{plan.Id}");
        return plan;
    }

    private static async Task<PlanDetailJson> CopyAsync(HttpClient client) =>
        await CreatedAsync(await client.PostAsJsonAsync("/api/v1/plans/1/copies", new { name = $"Kế hoạch thử {Guid.NewGuid():N}", year = 2021 }, Ct));

    private static async Task PublishAsync(HttpClient client, int planId, string number = "12/STTTT-CNTT") =>
        (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/publish", new { documentNumber = number, documentDate = "2021-01-05", signer = "Phó Giám đốc Nguyễn Văn An" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

    private static async Task SetAsync(HttpClient client, int planId, int unitId, int quantity) =>
        (await client.PutAsJsonAsync($"/api/v1/plans/{planId}/units/{unitId}/quantity", new { quantity, reason = "Điều chỉnh" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

    private static async Task<ProblemJson> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        return (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
    }

    [Fact]
    public async Task Progress_names_the_district_group_holding_3960_and_the_twelve_open_districts()
    {
        using var client = await portal.CreateAdminClientAsync();
        var copy = await CopyAsync(client);

        var progress = (await client.GetFromJsonAsync<ProgressJson>($"/api/v1/plans/{copy.Id}/progress", Ct))!;

        (progress.NotHandedOn, progress.Districts, progress.DistrictsOpen).ShouldBe((3960, 12, 12));
        progress.OpenBelow.Single().ShouldBe(new OpenUnitJson(progress.OpenBelow[0].UnitId, "UBND 12 huyện, thành phố", 3960));
    }

    private sealed record OpenUnitJson(int UnitId, string Name, int Remaining);

    private sealed record ProgressJson(int NotHandedOn, int Districts, int DistrictsOpen, OpenUnitJson[] OpenBelow);

    [Fact]
    public async Task A_copy_is_201_with_the_plan_as_GET_shows_it()
    {
        using var client = await portal.CreateAdminClientAsync();

        var copy = await CopyAsync(client);

        (copy.Status, copy.Version, copy.AmendmentOf, copy.Year, copy.TotalLicenses).ShouldBe(("Draft", 1, null, 2021, 5137));
        (await client.GetFromJsonAsync<PlanDetailJson>($"/api/v1/plans/{copy.Id}", Ct)).ShouldBe(copy);
        (await client.GetFromJsonAsync<UnitJson[]>($"/api/v1/plans/{copy.Id}/units", Ct))!.Length.ShouldBe(179);
    }

    [Fact]
    public async Task A_copy_with_a_taken_name_or_without_a_year_is_refused()
    {
        using var client = await portal.CreateAdminClientAsync();
        var copy = await CopyAsync(client);

        (await ProblemAsync(await client.PostAsJsonAsync("/api/v1/plans/1/copies", new { name = copy.Name, year = 2021 }, Ct), HttpStatusCode.Conflict))
            .Code.ShouldBe("duplicate-plan");
        (await ProblemAsync(await client.PostAsJsonAsync("/api/v1/plans/1/copies", new { name = "Kế hoạch không năm" }, Ct), HttpStatusCode.BadRequest))
            .Code.ShouldBe("invalid-year");
    }

    [Theory]
    [InlineData(null, "2021-01-05", "Giám đốc", "document-number-required", "Vui lòng nhập số, ký hiệu văn bản ban hành")]
    [InlineData("12/STTTT-CNTT", null, "Giám đốc", "document-date-required", "Vui lòng nhập ngày ký văn bản ban hành.")]
    [InlineData("12/STTTT-CNTT", "05/01/2021", "Giám đốc", "invalid-date", "Ngày không hợp lệ (documentDate)")]
    [InlineData("12/STTTT-CNTT", "2021-02-30", "Giám đốc", "invalid-date", "2021-01-05")]
    [InlineData("12/STTTT-CNTT", "2021-01-05", " ", "signer-required", "Vui lòng nhập người ký văn bản ban hành")]
    public async Task Publishing_without_a_complete_letter_is_400_with_a_Vietnamese_explanation(
        string? number, string? date, string? signer, string code, string explanation)
    {
        using var client = await portal.CreateAdminClientAsync();
        var copy = await CopyAsync(client);

        var problem = await ProblemAsync(
            await client.PostAsJsonAsync($"/api/v1/plans/{copy.Id}/publish", new { documentNumber = number, documentDate = date, signer }, Ct),
            HttpStatusCode.BadRequest);

        problem.Code.ShouldBe(code);
        problem.Detail.ShouldNotBeNull().ShouldContain(explanation);
        (await client.GetFromJsonAsync<PlanDetailJson>($"/api/v1/plans/{copy.Id}", Ct))!.Status.ShouldBe("Draft");
    }

    [Fact]
    public async Task An_amendment_is_201_version_2_and_publishing_it_supersedes_the_plan()
    {
        using var client = await portal.CreateAdminClientAsync();
        var plan = await CopyAsync(client);
        (await ProblemAsync(await client.PostAsync($"/api/v1/plans/{plan.Id}/amendments", null, Ct), HttpStatusCode.Conflict)).Code.ShouldBe("plan-not-published");
        await PublishAsync(client, plan.Id);

        var amendment = await CreatedAsync(await client.PostAsync($"/api/v1/plans/{plan.Id}/amendments", null, Ct));

        (amendment.Status, amendment.Version, amendment.AmendmentOf, amendment.Name).ShouldBe(("Draft", 2, plan.Id, plan.Name));
        (await ProblemAsync(await client.PostAsync($"/api/v1/plans/{plan.Id}/amendments", null, Ct), HttpStatusCode.Conflict)).Code.ShouldBe("amendment-exists");
        await PublishAsync(client, amendment.Id, "34/STTTT-CNTT");
        (await client.GetFromJsonAsync<PlanDetailJson>($"/api/v1/plans/{plan.Id}", Ct))!.Status.ShouldBe("Superseded");
    }

    [Fact]
    public async Task Comparing_an_amendment_lists_exactly_the_three_changed_units_and_exports_them()
    {
        using var client = await portal.CreateAdminClientAsync();
        var plan = await CopyAsync(client);
        await PublishAsync(client, plan.Id);
        var amendment = await CreatedAsync(await client.PostAsync($"/api/v1/plans/{plan.Id}/amendments", null, Ct));
        var caoLanh = (await client.GetFromJsonAsync<UnitJson[]>($"/api/v1/plans/{amendment.Id}/units", Ct))!.Single(u => u.Code == "866").UnitId;
        await SetAsync(client, amendment.Id, OfficeOfTheCommittee, 60);
        await SetAsync(client, amendment.Id, OfficeOfTheCouncil, 29);
        await SetAsync(client, amendment.Id, caoLanh, 40);

        var comparison = (await client.GetFromJsonAsync<ComparisonJson>($"/api/v1/plans/{amendment.Id}/compare/{plan.Id}", Ct))!;

        comparison.Items.Select(i => (i.UnitId, i.Quantity, i.OtherQuantity, i.Difference)).ShouldBe(
            [(OfficeOfTheCommittee, 60, 65, -5), (OfficeOfTheCouncil, 29, 24, 5), (caoLanh, 40, 0, 40)]);
        (comparison.Total, comparison.OtherTotal).ShouldBe((5137, 5137));
        var export = await client.GetAsync($"/api/v1/plans/{amendment.Id}/compare/{plan.Id}/export.xlsx", Ct);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(await export.Content.ReadAsStreamAsync(Ct));
        var names = workbook.Worksheet(1).Column(3).CellsUsed().Select(c => c.GetString()).ToList();
        names.ShouldContain("VP. UBND tỉnh");
        names.ShouldContain("Thành phố Cao Lãnh");
        (await client.GetAsync($"/api/v1/plans/{plan.Id}/compare/4242", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_published_appendix_downloads_byte_for_byte_the_same_after_a_rename_and_new_figures_in_the_amendment()
    {
        using var client = await portal.CreateAdminClientAsync();
        var plan = await CopyAsync(client);
        await PublishAsync(client, plan.Id);
        var atPublication = await client.GetByteArrayAsync($"/api/v1/plans/{plan.Id}/appendix.xlsx", Ct);
        var amendment = await CreatedAsync(await client.PostAsync($"/api/v1/plans/{plan.Id}/amendments", null, Ct));

        (await client.PatchAsJsonAsync($"/api/v1/plans/{amendment.Id}/units/{OfficeOfTheCouncil}", new { name = $"Văn phòng HĐND tỉnh {Guid.NewGuid():N}" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await SetAsync(client, amendment.Id, OfficeOfTheCommittee, 60);

        (await client.GetByteArrayAsync($"/api/v1/plans/{plan.Id}/appendix.xlsx", Ct)).ShouldBe(atPublication);
    }

    [Fact]
    public async Task Product_details_are_set_on_a_published_plan_and_a_term_ending_first_is_400()
    {
        using var client = await portal.CreateAdminClientAsync();
        var plan = await CopyAsync(client);
        await PublishAsync(client, plan.Id);

        var response = await client.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/product", new
        {
            productName = "Kaspersky Endpoint Security for Business",
            vendor = "Kaspersky Lab",
            licenceTermStart = "2021-03-01",
            licenceTermEnd = "2024-02-29",
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var described = (await response.Content.ReadFromJsonAsync<PlanDetailJson>(Ct))!;
        (described.ProductName, described.Vendor, described.LicenceTermStart, described.LicenceTermEnd)
            .ShouldBe(("Kaspersky Endpoint Security for Business", "Kaspersky Lab", "2021-03-01", "2024-02-29"));
        var refused = await ProblemAsync(
            await client.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/product", new { productName = "X", licenceTermStart = "2021-03-01", licenceTermEnd = "2021-03-01" }, Ct),
            HttpStatusCode.BadRequest);
        refused.Code.ShouldBe("invalid-licence-term");
        refused.Detail.ShouldBe("Ngày hết hạn bản quyền phải sau ngày bắt đầu.");
    }
}
