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
/// A guesser who sends many passwords at once meets the lockout after five, as one who sends them one by one does:
/// each guess is counted before the next is checked. Rate limits are set high here, so the lockout alone is tested.
/// </summary>
public sealed class ParallelGuessTests : IAsyncLifetime
{
    private const int Guesses = 40;
    private const string OfficerPassword = "cán bộ thử đoán mật khẩu";

    private readonly PortalFactory _portal = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var officer = new PortalUser { UserName = "can-bo-bi-doan", LockoutEnabled = true };
        (await users.CreateAsync(officer, OfficerPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(officer, nameof(PortalRole.Auditor))).Succeeded.ShouldBeTrue();
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Forty_parallel_wrong_passwords_lock_the_account_before_the_right_one_gets_a_token()
    {
        using var client = _portal.CreateClient();

        var guesses = await Task.WhenAll(Enumerable.Range(0, Guesses).Select(i =>
            client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = $"đoán sai lần {i}" }, Ct)));
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.AdminPassword }, Ct);

        guesses.ShouldAllBe(g => g.StatusCode == HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await right.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-credentials");
        (await IsLockedOutAsync("admin")).ShouldBeTrue();
    }

    [Fact]
    public async Task Thirty_two_parallel_wrong_passwords_on_the_sign_in_form_lock_the_account_before_the_right_one_signs_in()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await SignInForm.TokenAsync(browser);

        var guesses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => SignInForm.PostAsync(browser, token, "can-bo-bi-doan", $"đoán sai lần {i}")));
        var right = await SignInForm.PostAsync(browser, token, "can-bo-bi-doan", OfficerPassword);

        guesses.ShouldAllBe(g => !SignInForm.SetsTheAuthCookie(g));
        SignInForm.SetsTheAuthCookie(right).ShouldBeFalse();
        (await SignInForm.PageTextAsync(right)).ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa.");
        (await IsLockedOutAsync("can-bo-bi-doan")).ShouldBeTrue();
    }

    private async Task<bool> IsLockedOutAsync(string userName)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!);
    }
}
