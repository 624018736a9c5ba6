using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicenseAllocation.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>Each test gets a fresh portal on a clock it controls: these tests create and disable accounts and let time pass.</summary>
public sealed partial class UserApiTests : IAsyncLifetime
{
    private const string OfficerPassword = "mật khẩu cán bộ huyện";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PortalFactory _portal;
    private HttpClient _admin = default!;
    private UnitJson[] _units = default!;

    public UserApiTests() => _portal = new PortalFactory { Clock = _clock };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int CaoLanhCity => _units.Single(u => u.Code == "866").UnitId;

    private int SaDecWard3 => _units.Single(u => u.Code == "29902").UnitId;

    public async ValueTask InitializeAsync()
    {
        _admin = await _portal.CreateAdminClientAsync();
        _units = (await _admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _portal.DisposeAsync();
    }

    private async Task<UserJson> CreateOfficerAsync(string userName = "can-bo-cao-lanh")
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/users",
            new { userName, password = OfficerPassword, role = "DistrictOfficer", scopeUnitId = CaoLanhCity, mustChangePassword = false }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<UserJson>(Ct))!;
    }

    private async Task<HttpClient> BearerClientAsync(string userName, string password)
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _portal.TokenAsync(userName, password));
        return client;
    }

    private static async Task<ProblemJson> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;

    [Fact]
    public async Task Creating_a_district_officer_returns_201_with_the_user_and_lists_them()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/users",
            new { userName = "can-bo-moi", password = OfficerPassword, role = "DistrictOfficer", scopeUnitId = CaoLanhCity }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = (await response.Content.ReadFromJsonAsync<UserJson>(Ct))!;
        user.ShouldBe(new UserJson(user.Id, "can-bo-moi", "DistrictOfficer", CaoLanhCity, "Thành phố Cao Lãnh", false));
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{user.Id}");
        var listed = (await _admin.GetFromJsonAsync<UserJson[]>("/api/v1/users", Ct))!;
        listed.ShouldContain(user);
        listed.ShouldContain(u => u.UserName == "admin" && u.Role == "ProvinceAdmin" && u.ScopeUnitId == null);
    }

    [Fact]
    public async Task A_district_officer_created_through_the_api_reads_only_their_district_and_cannot_change_another()
    {
        await CreateOfficerAsync();
        using var officer = await BearerClientAsync("can-bo-cao-lanh", OfficerPassword);

        var units = (await officer.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        units[0].UnitId.ShouldBe(CaoLanhCity);
        units.Length.ShouldBe(1 + 15);
        units.Skip(1).ShouldAllBe(u => u.ParentUnitId == CaoLanhCity);

        var refused = await officer.PutAsJsonAsync($"/api/v1/plans/1/units/{SaDecWard3}/quantity", new { quantity = 1, reason = "Thử" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(refused)).Code.ShouldBe("out-of-scope");
    }

    [Fact]
    public async Task A_disabled_users_bearer_token_stops_working_within_a_minute()
    {
        var user = await CreateOfficerAsync();
        using var officer = await BearerClientAsync("can-bo-cao-lanh", OfficerPassword);
        (await officer.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var disabled = await _admin.PostAsync($"/api/v1/users/{user.Id}/disable", null, Ct);
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await disabled.Content.ReadFromJsonAsync<UserJson>(Ct))!.Disabled.ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(61));

        (await officer.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await officer.GetAsync("/api/v1/plans/1/units", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_bearer_check_is_one_lookup_per_user_and_minute_on_the_portals_clock()
    {
        var user = await CreateOfficerAsync();
        using var officer = await BearerClientAsync("can-bo-cao-lanh", OfficerPassword);
        (await officer.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _admin.PostAsync($"/api/v1/users/{user.Id}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromSeconds(59));
        (await officer.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromSeconds(2));
        (await officer.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_issued_after_the_last_check_is_refused_at_once_once_the_user_is_disabled()
    {
        var user = await CreateOfficerAsync();
        (await _admin.PostAsync($"/api/v1/users/{user.Id}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var client = _portal.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "can-bo-cao-lanh", password = OfficerPassword }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemAsync(response)).Code.ShouldBe("invalid-credentials");
    }

    [Fact]
    public async Task A_token_whose_security_stamp_changed_is_refused_on_its_first_use()
    {
        var user = await CreateOfficerAsync();
        using var officer = await BearerClientAsync("can-bo-cao-lanh", OfficerPassword);

        // Never checked before: nothing cached, so the changed stamp is seen at once.
        (await _admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "một mật khẩu mới đủ dài" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await officer.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_users_cookie_session_is_refused_within_a_minute()
    {
        var user = await CreateOfficerAsync();
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInWithTheFormAsync(browser, "can-bo-cao-lanh", OfficerPassword);
        (await browser.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _admin.PostAsync($"/api/v1/users/{user.Id}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromSeconds(61));

        (await browser.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await browser.GetAsync("/plans/1", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task Cookies_and_circuits_are_revalidated_every_minute()
    {
        var options = _portal.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;

        options.ValidationInterval.ShouldBe(TimeSpan.FromMinutes(1));
        PortalAuthentication.SessionRevalidationInterval.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("Superuser", null, "invalid-role")]
    [InlineData("DistrictOfficer", null, "scope-required")]
    [InlineData("UnitViewer", null, "scope-required")]
    [InlineData("Auditor", "866", "scope-not-allowed")]
    [InlineData("ProvinceAdmin", "866", "scope-not-allowed")]
    [InlineData("DistrictOfficer", "29902", "invalid-scope")]
    public async Task Creating_a_user_with_a_wrong_role_or_scope_is_400_with_its_code(string role, string? scopeCode, string code)
    {
        int? scope = scopeCode is null ? null : _units.Single(u => u.Code == scopeCode).UnitId;

        var response = await _admin.PostAsJsonAsync("/api/v1/users", new { userName = "nguoi-moi", password = OfficerPassword, role, scopeUnitId = scope }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).Code.ShouldBe(code);
    }

    [Fact]
    public async Task A_weak_password_is_400_weak_password_explained_in_Vietnamese_or_English()
    {
        var body = new { userName = "mat-khau-ngan", password = "ngắn", role = "Auditor" };
        var vietnamese = await _admin.PostAsJsonAsync("/api/v1/users", body, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var english = await _admin.SendAsync(request, Ct);

        vietnamese.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(vietnamese);
        (problem.Code, problem.Detail).ShouldBe(("weak-password", "Mật khẩu phải có ít nhất 12 ký tự."));
        (await ProblemAsync(english)).Detail.ShouldBe("The password must have at least 12 characters.");
    }

    [Fact]
    public async Task A_taken_user_name_is_400_duplicate_user()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/users", new { userName = "ADMIN", password = OfficerPassword, role = "Auditor" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).Code.ShouldBe("duplicate-user");
    }

    [Fact]
    public async Task Non_administrators_get_403_from_every_user_endpoint()
    {
        var user = await CreateOfficerAsync();
        using var officer = await BearerClientAsync("can-bo-cao-lanh", OfficerPassword);

        var responses = new[]
        {
            await officer.GetAsync("/api/v1/users", Ct),
            await officer.PostAsJsonAsync("/api/v1/users", new { userName = "x-moi", password = OfficerPassword, role = "Auditor" }, Ct),
            await officer.PostAsync($"/api/v1/users/{user.Id}/disable", null, Ct),
            await officer.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "một mật khẩu mới đủ dài" }, Ct),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await ProblemAsync(response)).Code.ShouldBe("forbidden");
        }
    }

    [Fact]
    public async Task The_administrator_cannot_disable_themselves()
    {
        var admin = (await _admin.GetFromJsonAsync<UserJson[]>("/api/v1/users", Ct))!.Single(u => u.UserName == "admin");

        var response = await _admin.PostAsync($"/api/v1/users/{admin.Id}/disable", null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(response)).Code.ShouldBe("cannot-disable-self");
        (await _admin.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disabling_an_unknown_user_is_404()
    {
        var response = await _admin.PostAsync("/api/v1/users/khong-co/disable", null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemAsync(response)).Code.ShouldBe("user-not-found");
    }

    [Fact]
    public async Task A_reset_password_is_204_and_only_the_new_password_signs_in()
    {
        var user = await CreateOfficerAsync();

        var response = await _admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "một mật khẩu mới đủ dài" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var client = _portal.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "can-bo-cao-lanh", password = OfficerPassword }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "can-bo-cao-lanh", password = "một mật khẩu mới đủ dài" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_user_page_is_for_the_province_administrator_only()
    {
        await CreateOfficerAsync();
        using var adminBrowser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInWithTheFormAsync(adminBrowser, "admin", PortalFactory.AdminPassword);
        using var officerBrowser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInWithTheFormAsync(officerBrowser, "can-bo-cao-lanh", OfficerPassword);

        var page = await adminBrowser.GetStringAsync("/admin/users", Ct);
        page.ShouldContain("Quản lý tài khoản");
        page.ShouldContain("can-bo-cao-lanh");
        page.ShouldContain("data-testid=\"nav-users\"");
        var refused = await officerBrowser.GetAsync("/admin/users", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officerBrowser.GetStringAsync("/", Ct)).ShouldNotContain("data-testid=\"nav-users\"");
    }

    /// <summary>Signs in through the real sign-in form (antiforgery token and all); the client keeps the cookie.</summary>
    private static async Task SignInWithTheFormAsync(HttpClient browser, string userName, string password)
    {
        var form = await browser.GetStringAsync("/account/login", Ct);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

        var response = await browser.PostAsync("/account/login", content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("LicenseAllocation.Auth=", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
