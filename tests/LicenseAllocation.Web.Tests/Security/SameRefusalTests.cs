using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>
/// Whether an account exists, is locked or disabled cannot be read from a refused sign-in: the same status, code and
/// words for all, after the same work.
/// </summary>
public sealed class SameRefusalTests : IAsyncLifetime
{
    private const string Password = "mật khẩu đúng của tài khoản";

    private readonly PortalFactory _portal = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var name in new[] { "tai-khoan-thuong", "tai-khoan-bi-khoa", "tai-khoan-vo-hieu", "tai-khoan-do-thoi-gian" })
        {
            var user = new PortalUser { UserName = name, LockoutEnabled = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, nameof(PortalRole.Auditor))).Succeeded.ShouldBeTrue();
        }

        using var admin = await _portal.CreateAdminClientAsync();
        var list = await admin.GetFromJsonAsync<UserJson[]>("/api/v1/users", Ct);
        var disabled = list!.Single(u => u.UserName == "tai-khoan-vo-hieu");
        (await admin.PostAsync($"/api/v1/users/{disabled.Id}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var client = _portal.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tai-khoan-bi-khoa", password = "sai " + i }, Ct);
        }
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Unknown_users_wrong_passwords_locked_and_disabled_accounts_get_one_and_the_same_refusal()
    {
        using var client = _portal.CreateClient();

        var answers = new List<(HttpStatusCode Status, string? Code, string? Detail)>();
        foreach (var (userName, password) in new[]
                 {
                     ("khong-co-tai-khoan-nay", "một mật khẩu bất kỳ"),
                     ("tai-khoan-thuong", "không phải mật khẩu này"),
                     ("tai-khoan-bi-khoa", "không phải mật khẩu này"),
                     ("tai-khoan-vo-hieu", "không phải mật khẩu này"),
                     ("tai-khoan-vo-hieu", Password),
                 })
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Ct);
            var problem = await response.Content.ReadFromJsonAsync<ProblemJson>(Ct);
            answers.Add((response.StatusCode, problem?.Code, problem?.Detail));
        }

        answers.Distinct().ShouldHaveSingleItem().ShouldBe((HttpStatusCode.Unauthorized, "invalid-credentials", "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa."));
    }

    [Fact]
    public async Task The_sign_in_page_says_the_same_for_an_unknown_user_a_locked_and_a_disabled_account()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await SignInForm.TokenAsync(browser);

        foreach (var (userName, password) in new[] { ("khong-co-tai-khoan-nay", "bất kỳ"), ("tai-khoan-bi-khoa", Password), ("tai-khoan-vo-hieu", Password) })
        {
            var response = await SignInForm.PostAsync(browser, token, userName, password);

            SignInForm.SetsTheAuthCookie(response).ShouldBeFalse();
            (await SignInForm.PageTextAsync(response)).ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa.");
        }
    }

    [Fact]
    public async Task Refusing_an_unknown_user_takes_as_long_as_refusing_a_wrong_password()
    {
        using var client = _portal.CreateClient();
        var unknown = new List<double>();
        var existing = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            unknown.Add(await TimeAsync(client, $"khong-ton-tai-{i}"));
            existing.Add(await TimeAsync(client, "tai-khoan-do-thoi-gian"));
        }

        // A password hash costs tens of milliseconds; a refusal without one, a few. Medians, to ride out a busy machine.
        Median(unknown).ShouldBeGreaterThan(Median(existing) * 0.4);
    }

    private static async Task<double> TimeAsync(HttpClient client, string userName)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "không phải mật khẩu này" }, Ct);
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
