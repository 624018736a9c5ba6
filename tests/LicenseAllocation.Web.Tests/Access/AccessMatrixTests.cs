using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Access;

/// <summary>Every API endpoint × every role × a target inside and outside the role's scope.</summary>
public sealed class AccessMatrixTests(MatrixPortal matrix) : IClassFixture<MatrixPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, MatrixRole, bool> Matrix()
    {
        var data = new TheoryData<string, MatrixRole, bool>();
        foreach (var endpoint in EndpointCatalog.Cases.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var role in Enum.GetValues<MatrixRole>())
            {
                data.Add(endpoint, role, true);
                data.Add(endpoint, role, false);
            }
        }

        return data;
    }

    [Fact]
    public void Every_api_endpoint_of_the_application_is_in_the_matrix()
    {
        var endpoints = matrix.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();

        endpoints.ShouldNotBeEmpty();
        endpoints.Where(e => !EndpointCatalog.Cases.ContainsKey(e) && !EndpointCatalog.Public.Contains(e)).ShouldBeEmpty();
        EndpointCatalog.Cases.Keys.Where(k => !endpoints.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_probe_of_the_application_is_listed_as_anonymous()
    {
        var probes = matrix.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("healthz", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

        probes.ShouldBe(EndpointCatalog.Anonymous, ignoreOrder: true);
    }

    public static TheoryData<string> AnonymousEndpoints() => new(EndpointCatalog.Anonymous.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(AnonymousEndpoints))]
    public async Task An_anonymous_caller_reaches_each_probe(string endpoint)
    {
        using var client = matrix.Portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/" + endpoint.Split(' ')[1], UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_exactly_its_rights(string endpoint, MatrixRole role, bool insideScope)
    {
        using var client = matrix.Portal.CreateClient();
        using var request = EndpointCatalog.Cases[endpoint].Request(matrix, insideScope);
        if (matrix.TokenOf(role) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, Ct);

        if (role == MatrixRole.Anonymous)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            return;
        }

        switch (EndpointCatalog.Cases[endpoint].Expectation(role, insideScope))
        {
            case Expect.Allowed:
                response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
                response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
                ((int)response.StatusCode).ShouldBeLessThan(500);
                break;
            case Expect.Forbidden:
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("forbidden");
                break;
            case Expect.OutOfScope:
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("out-of-scope");
                break;
            case Expect.DecidedByDistrict:
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("decided-by-district");
                break;
        }
    }
}
