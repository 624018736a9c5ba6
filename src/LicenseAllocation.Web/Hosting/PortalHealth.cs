using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Probes for a service manager, a load balancer or an orchestrator, anonymous and cheap. <c>/healthz/live</c>: the
/// process answers (restart it when it does not). <c>/healthz/ready</c>: it can serve, the database answering and at
/// the schema this build expects (take it out of rotation when it cannot). <c>/healthz</c> stays as it was: 200 when
/// the database answers.
/// </summary>
internal static class PortalHealth
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    /// <summary>A probe that waits longer than this on the database says "not ready" rather than hanging the prober.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public static void MapPortalHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(LivePath, () => Results.Ok(new { status = "live" })).AllowAnonymous().WithName("Live");
        app.MapGet(ReadyPath, async (IDbContextFactory<AllocationDbContext> factory, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var problem = await ReadinessProblemAsync(factory, loggers, cancellationToken);
            return problem is null
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "not-ready", problem }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithName("Ready");
    }

    /// <summary>Why the portal cannot serve now (<c>database-unreachable</c>, <c>migrations-pending</c>), or null.</summary>
    private static async Task<string?> ReadinessProblemAsync(
        IDbContextFactory<AllocationDbContext> factory, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        try
        {
            await using var db = await factory.CreateDbContextAsync(timeout.Token);
            if (!await db.Database.CanConnectAsync(timeout.Token))
            {
                return "database-unreachable";
            }

            return (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Any() ? "migrations-pending" : null;
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception) || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            loggers.CreateLogger(typeof(PortalHealth)).LogWarning(exception, "Readiness probe: the database does not answer");
            return "database-unreachable";
        }
    }
}
