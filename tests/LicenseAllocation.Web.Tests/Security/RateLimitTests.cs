using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>Sign-ins per address and per user name, and API changes per user, stop at their configured limits with 429.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_ins_from_one_address_over_the_limit_are_answered_429_with_retry_after_in_the_readers_language()
    {
        await using var portal = new PortalFactory { Settings = new Dictionary<string, string?> { ["RateLimits:SignInPerIp:PermitLimit"] = "3" } };
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = $"nguoi-{i}", password = "sai mật khẩu" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.AdminPassword }, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        var problem = (await refused.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("too-many-requests");
        problem.Detail!.ShouldStartWith("Too many requests");
    }

    [Fact]
    public async Task The_sign_in_form_counts_against_the_same_limit_per_address()
    {
        await using var portal = new PortalFactory { Settings = new Dictionary<string, string?> { ["RateLimits:SignInPerIp:PermitLimit"] = "2" } };
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await SignInForm.TokenAsync(browser);
        (await SignInForm.PostAsync(browser, token, "nguoi-a", "sai mật khẩu")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nguoi-b", password = "sai mật khẩu" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await SignInForm.PostAsync(browser, token, "admin", PortalFactory.AdminPassword);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        SignInForm.SetsTheAuthCookie(refused).ShouldBeFalse();
    }

    [Fact]
    public async Task Sign_ins_for_one_user_name_over_its_limit_are_refused_while_other_names_still_get_an_answer()
    {
        await using var portal = new PortalFactory { Settings = new Dictionary<string, string?> { ["RateLimits:SignInPerUserName:PermitLimit"] = "3" } };
        using var client = portal.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "Admin", password = "sai mật khẩu " + i }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var sameName = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.AdminPassword }, Ct);
        var otherName = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nguoi-khac", password = "sai mật khẩu" }, Ct);

        sameName.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sameName.Headers.Contains("Retry-After").ShouldBeTrue();
        (await sameName.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("too-many-requests");
        otherName.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_changes_by_one_user_over_the_limit_are_answered_429_and_reading_goes_on()
    {
        await using var portal = new PortalFactory { Settings = new Dictionary<string, string?> { ["RateLimits:WritesPerUser:PermitLimit"] = "2" } };
        using var admin = await portal.CreateAdminClientAsync();
        var units = await admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct);
        var unit = units!.First(u => u.ParentUnitId is not null);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await admin.PutAsJsonAsync($"/api/v1/plans/1/units/{unit.UnitId}/quantity", new { quantity = unit.Quantity, reason = "Kiểm tra giới hạn" }, Ct)).StatusCode);
        }

        answers[2].ShouldBe(HttpStatusCode.TooManyRequests);
        answers.Take(2).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        (await admin.GetAsync("/api/v1/plans", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
