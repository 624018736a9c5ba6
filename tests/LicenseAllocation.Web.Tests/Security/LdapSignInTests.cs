using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>
/// Sign-in with the province's directory, against a real OpenLDAP server started for the test: the directory proves
/// the password, the portal's account decides the role; a person the portal does not know gets no account.
/// </summary>
public sealed class LdapSignInTests : IAsyncLifetime
{
    private const string DirectoryPassword = "mật khẩu thư mục của tỉnh";
    private SlapdServer _directory = default!;
    private PortalFactory _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _directory = await SlapdServer.StartAsync(
            new Dictionary<string, string> { ["can-bo-cao-lanh"] = DirectoryPassword, ["chua-co-tai-khoan"] = DirectoryPassword },
            Ct);
        _portal = Portal(_directory.Url);
        using var admin = await _portal.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "can-bo-cao-lanh", password = "mật khẩu riêng của cổng", role = "Auditor", mustChangePassword = false }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _directory.DisposeAsync();
    }

    [Fact]
    public async Task The_directorys_password_signs_in_to_the_portals_account_with_its_role()
    {
        var response = await TokenAsync(_portal, "can-bo-cao-lanh", DirectoryPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.Content.ReadFromJsonAsync<TokenJson>(Ct))!.AccessToken);
        (await client.GetFromJsonAsync<AccountJson>("/api/v1/account", Ct))!.Role.ShouldBe("Auditor");
    }

    [Fact]
    public async Task The_sign_in_form_takes_the_directorys_password_too()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SignInForm.PostAsync(browser, await SignInForm.TokenAsync(browser), "can-bo-cao-lanh", DirectoryPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInForm.SetsTheAuthCookie(response).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_both_and_counted_towards_the_lockout()
    {
        var response = await TokenAsync(_portal, "can-bo-cao-lanh", "không phải mật khẩu nào");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-credentials");
        for (var i = 0; i < 4; i++)
        {
            await TokenAsync(_portal, "can-bo-cao-lanh", "không phải mật khẩu nào");
        }

        (await TokenAsync(_portal, "can-bo-cao-lanh", DirectoryPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_empty_password_is_never_sent_to_the_directory_as_an_anonymous_bind()
    {
        (await TokenAsync(_portal, "can-bo-cao-lanh", string.Empty)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_person_the_directory_knows_but_the_portal_does_not_is_told_so_and_given_no_account()
    {
        var response = await TokenAsync(_portal, "chua-co-tai-khoan", DirectoryPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("no-portal-account");
        problem.Detail!.ShouldStartWith("Thư mục của tỉnh đã xác nhận anh/chị, nhưng cổng thông tin chưa có tài khoản");
        using var admin = await _portal.CreateAdminClientAsync();
        (await admin.GetFromJsonAsync<List<AccountJson>>("/api/v1/users", Ct))!.ShouldNotContain(u => u.UserName == "chua-co-tai-khoan");
        (await TokenAsync(_portal, "chua-co-tai-khoan", "sai mật khẩu rồi")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task When_the_directory_is_down_the_portals_own_password_still_works_and_the_others_are_told_why()
    {
        await using var portal = Portal($"ldap://127.0.0.1:{LoopbackPorts.Free()}");
        using var admin = await portal.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "can-bo-cao-lanh", password = "mật khẩu riêng của cổng", role = "Auditor", mustChangePassword = false }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var down = await TokenAsync(portal, "can-bo-cao-lanh", DirectoryPassword);

        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = (await down.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("directory-unavailable");
        problem.Detail.ShouldBe("Không kết nối được thư mục tài khoản của tỉnh để kiểm tra mật khẩu. Vui lòng thử lại sau ít phút.");
        (await TokenAsync(portal, "can-bo-cao-lanh", "mật khẩu riêng của cổng")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static PortalFactory Portal(string url) => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Authentication:Ldap:Url"] = url,
            ["Authentication:Ldap:UserDnTemplate"] = SlapdServer.UserDnTemplate,
            ["Authentication:Ldap:TimeoutSeconds"] = "3",
        },
    };

    private static async Task<HttpResponseMessage> TokenAsync(PortalFactory portal, string userName, string password) =>
        await portal.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Ct);

    private sealed record TokenJson(string AccessToken);

    private sealed record AccountJson(string UserName, string? Role);
}
