using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>Input the portal cannot use is the sender's mistake: problem details with a code, never the HTML error page.</summary>
public sealed class MalformedInputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/audit?from=0001-01-01")]
    [InlineData("/api/v1/audit?to=9999-12-31")]
    [InlineData("/api/v1/plans/1/audit?from=0001-01-01&to=0001-01-01")]
    public async Task A_day_at_the_edge_of_the_calendar_is_an_invalid_filter(string address)
    {
        using var admin = await portal.CreateAdminClientAsync();

        var response = await admin.GetAsync(address, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-filter");
    }

    [Fact]
    public async Task A_multipart_body_whose_boundary_never_closes_is_a_bad_request_with_problem_details()
    {
        using var admin = await portal.CreateAdminClientAsync();
        using var body = new ByteArrayContent("--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004 và không bao giờ kết thúc"u8.ToArray());
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");

        var response = await admin.PostAsync("/api/v1/plans/1/imports?dryRun=true", body, Ct);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    [InlineData("%2Fplans%0D%0ASet-Cookie%3A%20x%3Dy")]
    public async Task The_language_switch_goes_back_to_the_portal_only(string returnUrl)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture/set?culture=en-US&returnUrl={returnUrl}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldNotContain("\r");
        new Uri(new Uri("http://localhost"), location).Host.ShouldBe("localhost");
    }

    [Fact]
    public async Task An_address_with_control_characters_is_refused_before_anything_logs_it()
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync("/api/v1/plans%0A[INF]%20gia", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-request");
    }
}
