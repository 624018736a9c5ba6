using LicenseAllocation.Application.Notifications.Mail;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Sends the outbox's e-mails every <see cref="Interval"/> while SMTP is configured (<c>Smtp:Host</c>); without it the
/// messages wait. A pass that fails (database away, server down) is logged and the next pass tries again: the outbox
/// keeps what was not sent.
/// </summary>
internal sealed class OutboxMailWorker(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxMailWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogInformation("Smtp:Host is not set: notifications are not sent by e-mail");
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<MailOutbox>().SendDueAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} e-mails", sent);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The next pass tries again.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                logger.LogWarning(failure, "The e-mail pass failed; the next one tries again");
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>False when the host stops, including a host that is torn down before it started (the wait is cancelled then).</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
