using LicenseAllocation.Application.Common;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// A hosted service whose loop runs on one instance only, however many serve the same database: derive from it, name
/// the lease and write the loop in <see cref="RunWhileHeldAsync"/>, honouring its token (cancelled when the instance
/// stops or loses the lease). Register it with <c>AddHostedService</c>. The other instances wait and take over within
/// <see cref="RetryAfter"/> of the holder stopping, or of its database session dying.
/// </summary>
public abstract class SingleInstanceBackgroundService(ISingleInstanceLease lease, ILogger logger) : BackgroundService
{
    /// <summary>The lease's name, the same on every instance (for example <c>mail-outbox</c>).</summary>
    protected abstract string LeaseName { get; }

    /// <summary>How often an instance that does not hold the lease tries to take it.</summary>
    protected virtual TimeSpan RetryAfter => TimeSpan.FromSeconds(10);

    /// <summary>The work, while this instance holds the lease; return to end it for good.</summary>
    protected abstract Task RunWhileHeldAsync(CancellationToken whileHeld);

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) =>
        lease.RunWhileHeldAsync(LeaseName, RunWhileHeldAsync, RetryAfter, logger, stoppingToken);
}
