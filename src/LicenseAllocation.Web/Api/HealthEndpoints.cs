using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Api;

internal static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: 200 when the database answers, 503 when it does not.</summary>
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (IDbContextFactory<AllocationDbContext> factory, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Ok(new { status = "healthy" })
                : Results.Json(new { status = "unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithName("Health");
}
