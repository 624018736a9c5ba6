using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LicenseAllocation.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

public sealed class AuthenticationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/plans")]
    [InlineData("/api/v1/plans/1/units")]
    public async Task The_api_refuses_a_caller_without_a_token(string path)
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_api_refuses_a_forged_token()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-real-token");

        (await client.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_user_gets_a_bearer_token_with_its_lifetime()
    {
        using var client = portal.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.AdminPassword }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        body.RootElement.GetProperty("accessToken").GetString().ShouldNotBeNullOrWhiteSpace();
        body.RootElement.GetProperty("expiresIn").GetInt32().ShouldBe(3600);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_with_a_code()
    {
        using var client = portal.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "sai mật khẩu rồi" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-credentials");
    }

    [Fact]
    public async Task Pages_send_an_anonymous_visitor_to_the_sign_in_page()
    {
        using var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/plans/1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    // Decision 7: the browser's language is honoured; Vietnamese without one, and whenever the reader asks for it.
    [Fact]
    public async Task The_sign_in_page_is_in_Vietnamese_by_default_follows_an_English_browser_and_is_in_Vietnamese_on_request()
    {
        using var client = portal.CreateClient();
        using var englishBrowser = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        englishBrowser.Headers.AcceptLanguage.ParseAdd("en-US");
        using var englishBrowserAskingForVietnamese = new HttpRequestMessage(HttpMethod.Get, "/account/login?culture=vi-VN");
        englishBrowserAskingForVietnamese.Headers.AcceptLanguage.ParseAdd("en-US");

        (await client.GetStringAsync("/account/login", Ct)).ShouldContain("Đăng nhập hệ thống phân bổ bản quyền");
        (await (await client.SendAsync(englishBrowser, Ct)).Content.ReadAsStringAsync(Ct)).ShouldContain("Sign in to licence allocation");
        (await (await client.SendAsync(englishBrowserAskingForVietnamese, Ct)).Content.ReadAsStringAsync(Ct)).ShouldContain("Đăng nhập hệ thống phân bổ bản quyền");
        (await client.GetStringAsync("/account/login?culture=en-US", Ct)).ShouldContain("Sign in to licence allocation");
    }

    [Fact]
    public async Task The_language_switch_remembers_the_choice_and_only_returns_to_local_pages()
    {
        using var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/set?culture=en-US&returnUrl=//evil.example/x", Ct);

        response.Headers.Location!.ToString().ShouldBe("/");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains("en-US", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_user_who_switches_the_language_gets_their_e_mails_in_it()
    {
        using var client = await portal.CreateAdminClientAsync();

        (await client.GetAsync("/culture/set?culture=en-US&returnUrl=/", Ct)).IsSuccessStatusCode.ShouldBeTrue();
        (await AdminLanguageAsync()).ShouldBe("en");
        (await client.GetAsync("/culture/set?culture=vi-VN&returnUrl=/", Ct)).IsSuccessStatusCode.ShouldBeTrue();
        (await AdminLanguageAsync()).ShouldBe("vi");
    }

    private async Task<string?> AdminLanguageAsync()
    {
        var factory = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LicenseAllocation.Application.Data.AllocationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.UserName == "admin").Select(u => u.Language), Ct);
    }

    [Fact]
    public async Task An_account_without_a_portal_role_gets_nothing_from_the_api()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            (await users.CreateAsync(new PortalUser { UserName = "no-role" }, "một mật khẩu đủ dài")).Succeeded.ShouldBeTrue();
        }

        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await portal.TokenAsync("no-role", "một mật khẩu đủ dài"));

        var response = await client.GetAsync("/api/v1/plans", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("forbidden");
    }
}
