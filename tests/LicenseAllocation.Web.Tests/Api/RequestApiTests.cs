using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

internal sealed record RequestJson(
    long Id, int PlanId, int UnitId, int Requested, int? Approved, int? Posted, string Status, string Justification, string RequestedBy,
    DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment, int? SourceUnitId);

internal sealed record NotificationJson(long Id, string Kind, int PlanId, long? RequestId, string Text, string Link, int? Quantity, string? Outcome, DateTimeOffset At, bool Read);

internal sealed record NotificationPageJson(NotificationJson[] Items, int Total, int Unread, int Page, int PageSize);

internal sealed record RequestPageJson(RequestJson[] Items, int Total, int Page, int PageSize);

/// <summary>Requests over the API: a commune's viewer asks, the district officer decides (Thành phố Cao Lãnh holds 3 to give).</summary>
public sealed class RequestApiTests : IAsyncLifetime
{
    private const string Password = "cán bộ thành phố Cao Lãnh";
    private readonly PortalFactory _portal = new();
    private HttpClient _admin = default!;
    private HttpClient _officer = default!;
    private HttpClient _viewer = default!;
    private int _ward11;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _admin = await _portal.CreateAdminClientAsync();
        var units = (await _admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        var caoLanh = units.Single(u => u.Code == "866").UnitId;
        _ward11 = units.Single(u => u.Code == "29863").UnitId;
        (await _admin.PutAsJsonAsync($"/api/v1/plans/1/units/{caoLanh}/quantity", new { quantity = 3, reason = "Giao cho thành phố" }, Ct)).EnsureSuccessStatusCode();
        (await _admin.PostAsJsonAsync("/api/v1/users", new { userName = "caolanh", password = Password, role = "DistrictOfficer", scopeUnitId = caoLanh, mustChangePassword = false }, Ct)).EnsureSuccessStatusCode();
        (await _admin.PostAsJsonAsync("/api/v1/users", new { userName = "phuong11", password = Password, role = "UnitViewer", scopeUnitId = _ward11, mustChangePassword = false }, Ct)).EnsureSuccessStatusCode();
        _officer = await ClientAsync("caolanh");
        _viewer = await ClientAsync("phuong11");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _officer.Dispose();
        _viewer.Dispose();
        await _portal.DisposeAsync();
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _portal.TokenAsync(userName, Password));
        return client;
    }

    private async Task<RequestJson> SubmitAsync(int quantity)
    {
        var response = await _viewer.PostAsJsonAsync("/api/v1/plans/1/requests", new { unitId = _ward11, quantity, justification = "Phường có thêm 5 máy tính" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var request = (await response.Content.ReadFromJsonAsync<RequestJson>(Ct))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/requests/{request.Id}");
        return request;
    }

    [Fact]
    public async Task A_commune_asks_for_5_the_district_approves_3_and_exactly_3_are_posted()
    {
        var asked = await SubmitAsync(5);
        (asked.Status, asked.Requested, asked.Approved, asked.Posted, asked.RequestedBy).ShouldBe(("Submitted", 5, null, null, "phuong11"));
        asked.RequestedAt.Offset.ShouldBe(TimeSpan.FromHours(7));

        var response = await _officer.PostAsJsonAsync($"/api/v1/requests/{asked.Id}/decision", new { approvedQuantity = 3, comment = "Thành phố chỉ còn 3 bản quyền" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var decided = (await response.Content.ReadFromJsonAsync<RequestJson>(Ct))!;
        (decided.Status, decided.Requested, decided.Approved, decided.Posted, decided.DecidedBy).ShouldBe(("PartiallyApproved", 5, 3, 3, "caolanh"));
        var units = (await _admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        units.Single(u => u.UnitId == _ward11).Quantity.ShouldBe(3);
        var mine = (await _viewer.GetFromJsonAsync<RequestPageJson>("/api/v1/plans/1/requests?mine=true&status=PartiallyApproved", Ct))!;
        mine.Items.Select(i => i.Id).ShouldBe([asked.Id]);
    }

    [Fact]
    public async Task A_second_approval_beyond_the_district_is_409_with_the_numbers_and_a_decided_request_is_409_already_decided()
    {
        var first = await SubmitAsync(2);
        var second = await SubmitAsync(2);
        (await _officer.PostAsJsonAsync($"/api/v1/requests/{first.Id}/decision", new { approvedQuantity = 2 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var over = await _officer.PostAsJsonAsync($"/api/v1/requests/{second.Id}/decision", new { approvedQuantity = 2 }, Ct);
        var again = await _officer.PostAsJsonAsync($"/api/v1/requests/{first.Id}/decision", new { approvedQuantity = 2 }, Ct);
        var notDecider = await _viewer.PostAsJsonAsync($"/api/v1/requests/{second.Id}/decision", new { approvedQuantity = 1, comment = "tự duyệt" }, Ct);
        var withdrawn = await _viewer.PostAsync($"/api/v1/requests/{second.Id}/withdraw", null, Ct);

        over.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = (await over.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        (problem.Code, problem.Limit, problem.ParentRemaining).ShouldBe(("exceeds-parent", 3, 1));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("already-decided");
        notDecider.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withdrawn.Content.ReadFromJsonAsync<RequestJson>(Ct))!.Status.ShouldBe("Withdrawn");
    }

    [Fact]
    public async Task The_decider_is_told_of_a_new_request_and_the_requester_of_the_decision_in_their_language()
    {
        var asked = await SubmitAsync(5);
        var told = (await _officer.GetFromJsonAsync<NotificationPageJson>("/api/v1/notifications?unread=true", Ct))!;
        told.Unread.ShouldBe(1);
        var note = told.Items.ShouldHaveSingleItem();
        (note.Kind, note.RequestId, note.Quantity, note.Read).ShouldBe(("RequestSubmitted", asked.Id, 5, false));
        note.Text.ShouldBe("Phường 11 đề nghị bổ sung 5 bản quyền, chờ anh/chị quyết định.");
        (await _viewer.GetFromJsonAsync<NotificationPageJson>("/api/v1/notifications", Ct))!.Total.ShouldBe(0);

        var refused = await _officer.PostAsJsonAsync($"/api/v1/requests/{asked.Id}/decision", new { approvedQuantity = 5 }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _viewer.GetFromJsonAsync<NotificationPageJson>("/api/v1/notifications", Ct))!.Total.ShouldBe(0, "a refused decision tells no one");
        (await _officer.PostAsJsonAsync($"/api/v1/requests/{asked.Id}/decision", new { approvedQuantity = 3, comment = "Chỉ còn 3" }, Ct)).EnsureSuccessStatusCode();

        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications?unread=true");
        english.Headers.AcceptLanguage.ParseAdd("en-US");
        var response = await _viewer.SendAsync(english, Ct);
        var decided = (await response.Content.ReadFromJsonAsync<NotificationPageJson>(Ct))!.Items.ShouldHaveSingleItem();
        (decided.Kind, decided.Outcome, decided.Quantity).ShouldBe(("RequestDecided", "PartiallyApproved", 3));
        decided.Text.ShouldBe("The request of Phường 11 was approved in part: 3 licences.");

        (await _officer.PostAsync($"/api/v1/notifications/{decided.Id}/read", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var read = await _viewer.PostAsync($"/api/v1/notifications/{decided.Id}/read", null, Ct);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _viewer.GetFromJsonAsync<NotificationPageJson>("/api/v1/notifications?unread=true", Ct))!.Unread.ShouldBe(0);
    }
}
