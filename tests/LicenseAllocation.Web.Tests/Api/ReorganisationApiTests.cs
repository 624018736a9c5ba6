using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>The 2025 reorganisation is recorded when the portal first starts and read through the API.</summary>
public sealed class ReorganisationApiTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private HttpClient _client = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _portal.CreateAdminClientAsync();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task The_list_holds_the_2025_reorganisation_with_its_counts()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/v1/reorganisations", Ct);

        list.GetArrayLength().ShouldBe(1);
        var item = list[0];
        item.GetProperty("name").GetString().ShouldBe("Sắp xếp đơn vị hành chính tỉnh Đồng Tháp năm 2025");
        item.GetProperty("effectiveFrom").GetString().ShouldBe("2025-07-01");
        item.GetProperty("legalBasis").GetString().ShouldBe("Nghị quyết số 1663/NQ-UBTVQH15 ngày 16/6/2025");
        item.GetProperty("newUnits").GetInt32().ShouldBe(117);
        item.GetProperty("links").GetInt32().ShouldBeGreaterThan(300);
    }

    [Fact]
    public async Task The_details_list_every_new_unit_with_what_it_was_formed_from()
    {
        var id = (await _client.GetFromJsonAsync<JsonElement>("/api/v1/reorganisations", Ct))[0].GetProperty("id").GetInt32();
        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/reorganisations/{id}", Ct);

        var units = details.GetProperty("units").EnumerateArray().ToList();
        units.Count.ShouldBe(117);
        units[0].GetProperty("agencyCode").GetString().ShouldBe("000.00.00.H20");
        var phongMy = units.Single(u => u.GetProperty("name").GetString() == "Xã Phong Mỹ");
        phongMy.GetProperty("kind").GetString().ShouldBe("CommuneCommittee");
        var split = phongMy.GetProperty("formedFrom").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "30079");
        split.GetProperty("partial").GetBoolean().ShouldBeTrue();
        split.GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        split.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Number);

        (await _client.GetAsync("/api/v1/reorganisations/999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_successor_plan_is_previewed_refused_with_its_open_links_then_created_with_them_accepted()
    {
        var id = (await _client.GetFromJsonAsync<JsonElement>("/api/v1/reorganisations", Ct))[0].GetProperty("id").GetInt32();
        var body = new { reorganisationId = id, name = "Phân bổ bản quyền năm 2026", year = 2026 };

        var preview = await _client.PostAsJsonAsync("/api/v1/plans/1/successors?dryRun=true", body, Ct);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var figures = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        figures.GetProperty("plan").ValueKind.ShouldBe(JsonValueKind.Null);
        figures.GetProperty("oldTotal").GetInt32().ShouldBe(5137);
        figures.GetProperty("unconfirmed").GetArrayLength().ShouldBe(3);

        var refused = await _client.PostAsJsonAsync("/api/v1/plans/1/successors", body, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("code").GetString().ShouldBe("unconfirmed-links");
        problem.GetProperty("links").GetArrayLength().ShouldBe(3);

        var created = await _client.PostAsJsonAsync("/api/v1/plans/1/successors", new { reorganisationId = id, name = "Phân bổ bản quyền năm 2026", year = 2026, acceptUnconfirmed = true }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var result = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        result.GetProperty("plan").GetProperty("status").GetString().ShouldBe("Draft");
        result.GetProperty("newTotal").GetInt32().ShouldBe(5137);
        (result.GetProperty("carriedTotal").GetInt32() + result.GetProperty("notPlacedTotal").GetInt32()).ShouldBe(5137);
        result.GetProperty("notPlaced").EnumerateArray().Single().GetProperty("quantity").GetInt32().ShouldBe(3960);
    }

    [Fact]
    public async Task A_split_communes_lineage_names_both_successors_with_the_date_and_the_legal_basis()
    {
        var units = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/1/units", Ct);
        var gaoGiong = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "30079").GetProperty("unitId").GetInt32();

        var lineage = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{gaoGiong}/lineage", Ct);

        lineage.GetProperty("validTo").GetString().ShouldBe("2025-06-30");
        lineage.GetProperty("predecessors").GetArrayLength().ShouldBe(0);
        var successors = lineage.GetProperty("successors").EnumerateArray().ToList();
        successors.Select(s => s.GetProperty("name").GetString()).ShouldBe(["Xã Phú Cường", "Xã Phong Mỹ"], ignoreOrder: true);
        successors.ShouldAllBe(s => s.GetProperty("effectiveFrom").GetString() == "2025-07-01"
            && s.GetProperty("legalBasis").GetString() == "Nghị quyết số 1663/NQ-UBTVQH15 ngày 16/6/2025" && s.GetProperty("partial").GetBoolean());

        var phuCuong = successors[0].GetProperty("unitId").GetInt32();
        var back = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{phuCuong}/lineage", Ct);
        back.GetProperty("predecessors").EnumerateArray().ShouldContain(p => p.GetProperty("unitId").ValueKind == JsonValueKind.Number && p.GetProperty("unitId").GetInt32() == gaoGiong);
        (await _client.GetAsync("/api/v1/units/999999/lineage", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_agency_code_is_checked_by_format_and_unique_among_units_in_force_at_the_same_time()
    {
        var units = (await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/1/units", Ct)).EnumerateArray().ToList();
        var office = units.Single(u => u.GetProperty("name").GetString() == "VP. UBND tỉnh").GetProperty("unitId").GetInt32();
        var council = units.Single(u => u.GetProperty("name").GetString() == "VP. HĐND tỉnh").GetProperty("unitId").GetInt32();

        var bad = await _client.PatchAsJsonAsync($"/api/v1/plans/1/units/{office}", new { agencyCode = "H20.00.00" }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("invalid-agency-code");

        (await _client.PatchAsJsonAsync($"/api/v1/plans/1/units/{office}", new { agencyCode = "000.01.00.h20" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var duplicate = await _client.PatchAsJsonAsync($"/api/v1/plans/1/units/{council}", new { agencyCode = "000.01.00.H20" }, Ct);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("duplicate-agency-code");

        // The 2020 province ended on 30/06/2025: the new province's 000.00.00.H20 may pass to it without a clash.
        var root = units.Single(u => u.GetProperty("kind").GetString() == "Province").GetProperty("unitId").GetInt32();
        (await _client.PatchAsJsonAsync($"/api/v1/plans/1/units/{root}", new { agencyCode = "000.00.00.H20" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

