using Microsoft.Extensions.Logging;

namespace LicenseAllocation.Application.Common;

/// <summary>
/// Background work that exactly one portal instance does at a time, however many run over one database: sealing the
/// trail and seeding at start, sending the mail outbox, scheduled checks. A lease is named; whoever holds a name holds it
/// until it disposes the lease or its connection to the database dies, and then another instance may take it.
/// The portal's implementation (<c>Web/Hosting/DatabaseLeases.cs</c>) is a PostgreSQL advisory lock, a SQL Server
/// application lock or, for SQLite (one process on one file), a lock on a file next to the database.
/// </summary>
public interface ISingleInstanceLease
{
    /// <summary>The lease named <paramref name="name"/>, or null at once when another holder has it.</summary>
    Task<ILeaseHandle?> TryAcquireAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>A lease held: <see cref="Lost"/> is cancelled when it can no longer be trusted (the database connection that holds it broke).</summary>
public interface ILeaseHandle : IAsyncDisposable
{
    string Name { get; }

    CancellationToken Lost { get; }
}

/// <summary>How work is wrapped in a lease; hosted services use <see cref="RunWhileHeldAsync"/> around their loop.</summary>
public static class SingleInstance
{
    /// <summary>Waits (polling every <paramref name="pollEvery"/>) until the lease is free and takes it, e.g. for the work at start.</summary>
    public static async Task<ILeaseHandle> AcquireAsync(
        this ISingleInstanceLease lease, string name, TimeSpan pollEvery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        while (true)
        {
            if (await lease.TryAcquireAsync(name, cancellationToken) is { } held)
            {
                return held;
            }

            await Task.Delay(pollEvery, cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> only while this instance holds the lease <paramref name="name"/>: it waits for the
    /// lease (trying again every <paramref name="retryAfter"/>), runs the work with a token cancelled when the instance
    /// stops or the lease is lost, and when the lease was lost or the work failed, waits for the lease again. Returns
    /// when the work returns by itself or <paramref name="stoppingToken"/> is cancelled.
    /// </summary>
    public static async Task RunWhileHeldAsync(
        this ISingleInstanceLease lease,
        string name,
        Func<CancellationToken, Task> work,
        TimeSpan retryAfter,
        ILogger logger,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            ILeaseHandle? held = null;
            try
            {
                held = await lease.TryAcquireAsync(name, stoppingToken);
                if (held is null)
                {
                    await Task.Delay(retryAfter, stoppingToken);
                    continue;
                }

                logger.LogInformation("This instance took the lease {Lease}", name);
                using var whileHeld = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
                await work(whileHeld.Token);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (held?.Lost.IsCancellationRequested == true)
            {
                logger.LogWarning("The lease {Lease} was lost; its work stops until this instance holds it again", name);
            }
#pragma warning disable CA1031 // A failure of background work (the database down, say) must not end the instance: it waits for the lease again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "The work under the lease {Lease} failed; it is tried again", name);
            }
            finally
            {
                if (held is not null)
                {
                    await held.DisposeAsync();
                }
            }

            try
            {
                await Task.Delay(retryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
