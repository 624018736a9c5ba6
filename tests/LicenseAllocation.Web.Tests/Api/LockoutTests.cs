using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>In its own portal: locking the administrator out must not disturb other tests.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = _portal.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "một mật khẩu sai " + attempt }, TestContext.Current.CancellationToken);
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.AdminPassword }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(TestContext.Current.CancellationToken))!.Code.ShouldBe("invalid-credentials");
    }
}
