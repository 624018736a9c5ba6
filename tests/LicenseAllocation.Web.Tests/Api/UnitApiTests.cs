using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>Each test gets a fresh portal: these tests change figures and units.</summary>
public sealed class UnitApiTests : IAsyncLifetime
{
    private const string Quantities = "/api/v1/plans/1/quantities";
    private const string Units = "/api/v1/plans/1/units";
    private const int OfficeOfTheCommittee = 2; // VP. UBND tỉnh, 65
    private const int OfficeOfTheCouncil = 3; // VP. HĐND tỉnh, 24
    private readonly PortalFactory _portal = new();
    private HttpClient _client = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _portal.CreateAdminClientAsync();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _portal.DisposeAsync();
    }

    private async Task<UnitJson[]> UnitsAsync() => (await _client.GetFromJsonAsync<UnitJson[]>(Units, Ct))!;

    private async Task<UnitJson> UnitByCodeAsync(string code) => (await UnitsAsync()).Single(u => u.Code == code);

    [Fact]
    public async Task A_batch_moving_licences_between_siblings_is_200_with_the_change_set_and_the_changed_nodes()
    {
        var response = await _client.PutAsJsonAsync(Quantities, new
        {
            reason = "Chuyển 5 bản quyền",
            items = new[] { new { unitId = OfficeOfTheCouncil, quantity = 29 }, new { unitId = OfficeOfTheCommittee, quantity = 60 } },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<BatchJson>(Ct))!;
        body.ChangeSetId.ShouldNotBeNull();
        body.Items.Select(u => (u.UnitId, u.Quantity)).ShouldBe([(OfficeOfTheCouncil, 29), (OfficeOfTheCommittee, 60)]);
        (await UnitsAsync())[0].Remaining.ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_with_refused_items_is_409_batch_refused_listing_every_refused_item_and_changes_nothing()
    {
        var response = await _client.PutAsJsonAsync(Quantities, new
        {
            reason = "Tăng thêm",
            items = new[]
            {
                new { unitId = OfficeOfTheCommittee, quantity = 60 },
                new { unitId = OfficeOfTheCouncil, quantity = 40 },
                new { unitId = 99999, quantity = 1 },
            },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = (await response.Content.ReadFromJsonAsync<BatchProblemJson>(Ct))!;
        problem.Code.ShouldBe("batch-refused");
        problem.Items.Select(i => (i.UnitId, i.Code, i.Limit)).ShouldBe([(OfficeOfTheCouncil, "exceeds-parent", 29), (99999, "not-found", null)]);
        problem.Items[0].Message.ShouldBe("Vượt quá số lượng của đơn vị cấp trên: đơn vị cấp trên chỉ còn 5 bản quyền chưa phân bổ, nên đơn vị này được nhận tối đa 29 (đã nhập 40).");
        (await UnitsAsync()).Single(u => u.UnitId == OfficeOfTheCommittee).Quantity.ShouldBe(65);
    }

    [Fact]
    public async Task A_batch_without_a_reason_is_400_reason_required()
    {
        var response = await _client.PutAsJsonAsync(Quantities, new { reason = " ", items = new[] { new { unitId = OfficeOfTheCommittee, quantity = 60 } } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("reason-required");
    }

    [Fact]
    public async Task Adding_a_unit_is_201_with_the_new_node_at_zero()
    {
        var caoLanh = await UnitByCodeAsync("866");

        var response = await _client.PostAsJsonAsync(Units, new { parentUnitId = caoLanh.UnitId, name = "Phòng Nội vụ", kind = "DistrictAgency" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var node = (await response.Content.ReadFromJsonAsync<UnitJson>(Ct))!;
        (node.Name, node.Kind, node.ParentUnitId, node.Quantity).ShouldBe(("Phòng Nội vụ", "DistrictAgency", caoLanh.UnitId, 0));
        (await UnitsAsync()).ShouldContain(u => u.UnitId == node.UnitId);
    }

    [Fact]
    public async Task Adding_a_unit_of_an_unknown_kind_is_400_invalid_unit_kind()
    {
        var response = await _client.PostAsJsonAsync(Units, new { parentUnitId = 1, name = "Sở mới", kind = "Ministry" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-unit-kind");
    }

    [Fact]
    public async Task Renaming_a_unit_is_200_with_the_normalised_name()
    {
        var response = await _client.PatchAsJsonAsync($"{Units}/{OfficeOfTheCouncil}", new { name = "Văn phòng  Đoàn ĐBQH và HĐND tỉnh" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<UnitJson>(Ct))!.Name.ShouldBe("Văn phòng Đoàn ĐBQH và HĐND tỉnh");
        (await UnitsAsync()).Single(u => u.UnitId == OfficeOfTheCouncil).Name.ShouldBe("Văn phòng Đoàn ĐBQH và HĐND tỉnh");
    }

    [Fact]
    public async Task Deactivating_a_unit_that_holds_licences_is_409_unit_not_empty()
    {
        var response = await _client.PatchAsJsonAsync($"{Units}/{OfficeOfTheCouncil}", new { active = false }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe("unit-not-empty"), p => p.Limit.ShouldBe(24));
    }

    [Fact]
    public async Task The_standard_agencies_of_a_district_are_added_once()
    {
        var thapMuoi = await UnitByCodeAsync("872");
        var path = $"{Units}/{thapMuoi.UnitId}/standard-agencies";

        var first = await _client.PostAsync(path, content: null, Ct);
        var second = await _client.PostAsync(path, content: null, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var added = (await first.Content.ReadFromJsonAsync<UnitJson[]>(Ct))!;
        added.Length.ShouldBe(12);
        added.ShouldAllBe(u => u.Kind == "DistrictAgency" && u.ParentUnitId == thapMuoi.UnitId && u.Quantity == 0);
        added.ShouldContain(u => u.Name == "Văn phòng HĐND và UBND");
        (await second.Content.ReadFromJsonAsync<UnitJson[]>(Ct))!.ShouldBeEmpty();
    }

    private sealed record BatchJson(Guid? ChangeSetId, UnitJson[] Items);

    private sealed record BatchRefusalJson(int UnitId, string Code, string Message, int? Limit);

    private sealed record BatchProblemJson(int Status, string? Code, string? Detail, BatchRefusalJson[] Items);
}
