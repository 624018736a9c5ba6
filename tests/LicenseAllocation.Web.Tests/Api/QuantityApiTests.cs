using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>Each test gets a fresh portal: these tests change figures.</summary>
public sealed class QuantityApiTests : IAsyncLifetime
{
    private const string OfficeOfTheCommittee = "/api/v1/plans/1/units/2/quantity"; // VP. UBND tỉnh, 65
    private const string OfficeOfTheCouncil = "/api/v1/plans/1/units/3/quantity"; // VP. HĐND tỉnh, 24
    private readonly PortalFactory _portal = new();
    private HttpClient _client = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _portal.CreateAdminClientAsync();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _portal.DisposeAsync();
    }

    private Task<HttpResponseMessage> PutAsync(string path, object body, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return _client.SendAsync(request, Ct);
    }

    private static async Task<ProblemJson> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;

    [Fact]
    public async Task An_accepted_change_returns_the_node_with_its_new_figures()
    {
        var response = await PutAsync(OfficeOfTheCommittee, new { quantity = 60, reason = "Chuyển bớt về dự phòng", version = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var node = (await response.Content.ReadFromJsonAsync<UnitJson>(Ct))!;
        (node.Quantity, node.Version).ShouldBe((60, 2));
        var root = (await _client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))![0];
        root.Remaining.ShouldBe(5);
    }

    [Fact]
    public async Task Exceeding_the_parent_is_409_exceeds_parent_explained_in_Vietnamese_with_the_numbers()
    {
        await PutAsync(OfficeOfTheCommittee, new { quantity = 60, reason = "Chuyển bớt" });

        var response = await PutAsync(OfficeOfTheCouncil, new { quantity = 1000, reason = "Tăng thêm" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(response);
        problem.Code.ShouldBe("exceeds-parent");
        (problem.Limit, problem.ParentRemaining).ShouldBe((29, 5));
        problem.Detail.ShouldBe("Vượt quá số lượng của đơn vị cấp trên: đơn vị cấp trên chỉ còn 5 bản quyền chưa phân bổ, nên đơn vị này được nhận tối đa 29 (đã nhập 1.000).");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en")]
    [InlineData("en-GB,en;q=0.8")]
    [InlineData("fr-FR, en;q=0.5")]
    public async Task The_refusal_is_in_English_when_the_caller_asks_for_it(string language)
    {
        var response = await PutAsync(OfficeOfTheCouncil, new { quantity = 1000, reason = "More" }, language);

        (await ProblemAsync(response)).Detail.ShouldBe("Exceeds the parent's quota: the parent has only 0 licences left, so this unit can receive at most 24 (you entered 1,000).");
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en;q=0.2, vi")]
    [InlineData("de-DE")]
    public async Task The_refusal_is_in_Vietnamese_for_Vietnamese_or_an_unknown_language(string language)
    {
        var response = await PutAsync(OfficeOfTheCouncil, new { quantity = 1000, reason = "Thêm" }, language);

        (await ProblemAsync(response)).Detail!.ShouldStartWith("Vượt quá");
    }

    [Fact]
    public async Task Going_below_what_was_handed_on_is_409_below_handed_on()
    {
        var response = await PutAsync("/api/v1/plans/1/units/1/quantity", new { quantity = 5000, reason = "Giảm tổng" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(response)).Code.ShouldBe("below-handed-on");
    }

    [Fact]
    public async Task A_stale_version_is_409_version_conflict()
    {
        await PutAsync(OfficeOfTheCommittee, new { quantity = 60, reason = "Lần một", version = 1 });

        var response = await PutAsync(OfficeOfTheCommittee, new { quantity = 55, reason = "Lần hai", version = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(response)).Code.ShouldBe("version-conflict");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"12\"")]
    [InlineData("null")]
    [InlineData("1e10")]
    public async Task A_quantity_that_is_not_a_whole_number_of_zero_or_more_is_400_invalid_quantity(string quantity)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, OfficeOfTheCommittee)
        {
            Content = new StringContent($$"""{"quantity":{{quantity}},"reason":"Thử"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).Code.ShouldBe("invalid-quantity");
    }

    [Fact]
    public async Task A_change_without_a_reason_is_400_reason_required_and_changes_nothing()
    {
        var response = await PutAsync(OfficeOfTheCommittee, new { quantity = 60, reason = "  " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).Code.ShouldBe("reason-required");
        (await _client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))![1].Quantity.ShouldBe(65);
    }

    [Fact]
    public async Task An_unknown_unit_is_404()
    {
        var response = await PutAsync("/api/v1/plans/1/units/99999/quantity", new { quantity = 1, reason = "Thử" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemAsync(response)).Code.ShouldBe("not-found");
    }
}
