using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>Accounts with the person's details, the user's own account, re-enabling and the last sign-in, through the API.</summary>
public sealed class AccountApiTests : IAsyncLifetime
{
    private const string OfficerPassword = "mật khẩu cán bộ huyện";
    private readonly PortalFactory _portal = new();
    private HttpClient _admin = default!;
    private int _caoLanh;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _admin = await _portal.CreateAdminClientAsync();
        var units = (await _admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        _caoLanh = units.Single(u => u.Code == "866").UnitId;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _portal.DisposeAsync();
    }

    private async Task<AccountJson> CreateOfficerAsync(string userName = "can-bo-cao-lanh")
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            password = OfficerPassword,
            role = "DistrictOfficer",
            scopeUnitId = _caoLanh,
            fullName = "Trần Thị Bình",
            position = "Chuyên viên",
            phone = "0277 3851 234",
            email = "binh.tt@caolanh.dongthap.gov.vn",
            mustChangePassword = false,
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<AccountJson>(Ct))!;
    }

    private async Task<HttpClient> BearerClientAsync(string userName, string password)
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _portal.TokenAsync(userName, password));
        return client;
    }

    [Fact]
    public async Task An_account_is_created_and_edited_with_the_persons_details()
    {
        var created = await CreateOfficerAsync();
        created.ShouldSatisfyAllConditions(
            a => a.FullName.ShouldBe("Trần Thị Bình"),
            a => a.Position.ShouldBe("Chuyên viên"),
            a => a.Phone.ShouldBe("0277 3851 234"),
            a => a.Email.ShouldBe("binh.tt@caolanh.dongthap.gov.vn"),
            a => a.LastSignInAt.ShouldBeNull());

        var edited = await _admin.PutAsJsonAsync($"/api/v1/users/{created.Id}",
            new { fullName = "Trần Thị Bình", position = "Phó Trưởng phòng Văn hóa", phone = "0912 345 678", email = "binh@dongthap.gov.vn", scopeUnitId = _caoLanh }, Ct);

        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = (await _admin.GetFromJsonAsync<AccountJson>($"/api/v1/users/{created.Id}", Ct))!;
        (read.Position, read.Phone, read.Email).ShouldBe(("Phó Trưởng phòng Văn hóa", "0912 345 678", "binh@dongthap.gov.vn"));
    }

    [Fact]
    public async Task An_invalid_email_is_refused_400_invalid_email_with_the_reason_in_vietnamese()
    {
        var created = await CreateOfficerAsync();

        var response = await _admin.PutAsJsonAsync($"/api/v1/users/{created.Id}/email", new { email = "binh.tt@@dongthap" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("invalid-email");
        problem.Detail.ShouldBe("Địa chỉ e-mail không hợp lệ (dạng ten@donvi.gov.vn, tối đa 254 ký tự).");
    }

    [Fact]
    public async Task A_user_sets_their_own_email_but_not_another_users()
    {
        var own = await CreateOfficerAsync();
        var other = await CreateOfficerAsync("can-bo-khac");
        using var officer = await BearerClientAsync("can-bo-cao-lanh", OfficerPassword);

        var mine = await officer.PutAsJsonAsync($"/api/v1/users/{own.Id}/email", new { email = "moi@dongthap.gov.vn" }, Ct);
        var theirs = await officer.PutAsJsonAsync($"/api/v1/users/{other.Id}/email", new { email = "chiem@dongthap.gov.vn" }, Ct);

        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mine.Content.ReadFromJsonAsync<AccountJson>(Ct))!.Email.ShouldBe("moi@dongthap.gov.vn");
        theirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await theirs.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("forbidden");
        (await _admin.GetFromJsonAsync<AccountJson>($"/api/v1/users/{other.Id}", Ct))!.Email.ShouldBe("binh.tt@caolanh.dongthap.gov.vn");
    }

    [Fact]
    public async Task The_own_account_shows_the_last_sign_in_in_vietnam_time_and_takes_new_details()
    {
        await CreateOfficerAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var officer = await BearerClientAsync("can-bo-cao-lanh", OfficerPassword);

        var own = (await officer.GetFromJsonAsync<AccountJson>("/api/v1/account", Ct))!;
        own.UserName.ShouldBe("can-bo-cao-lanh");
        var at = own.LastSignInAt.ShouldNotBeNull();
        at.Offset.ShouldBe(TimeSpan.FromHours(7));
        at.ShouldBeGreaterThan(before);

        var changed = await officer.PutAsJsonAsync("/api/v1/account", new { fullName = "Trần Thị Bính", phone = "0912 000 111", email = "binh2@dongthap.gov.vn" }, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await changed.Content.ReadFromJsonAsync<AccountJson>(Ct))!;
        (after.FullName, after.Phone, after.Email, after.Position).ShouldBe(("Trần Thị Bính", "0912 000 111", "binh2@dongthap.gov.vn", "Chuyên viên"));
    }

    [Fact]
    public async Task A_re_enabled_account_gets_a_token_again()
    {
        var created = await CreateOfficerAsync();
        (await _admin.PostAsync($"/api/v1/users/{created.Id}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var client = _portal.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "can-bo-cao-lanh", password = OfficerPassword }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var enabled = await _admin.PostAsync($"/api/v1/users/{created.Id}/enable", null, Ct);

        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await enabled.Content.ReadFromJsonAsync<AccountJson>(Ct))!.Disabled.ShouldBeFalse();
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "can-bo-cao-lanh", password = OfficerPassword }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await _admin.PostAsync($"/api/v1/users/{created.Id}/enable", null, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("user-not-disabled");
    }

    private sealed record AccountJson(
        string Id, string UserName, string? Role, int? ScopeUnitId, bool Disabled, string? FullName, string? Position, string? Phone, string? Email,
        DateTimeOffset? LastSignInAt, bool MustChangePassword);
}
