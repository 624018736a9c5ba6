using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Notifications.Mail;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Sends the outbox's e-mails every <see cref="Interval"/> while SMTP is configured (<c>Smtp:Host</c>); without it the
/// messages wait. One instance sends, however many serve the database (the lease <c>mail-outbox</c>), so two
/// instances never pick the same message. A pass that fails (database away, server down) is logged and the next pass
/// tries again: the outbox keeps what was not sent.
/// </summary>
internal sealed class OutboxMailWorker(
    ISingleInstanceLease lease, IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxMailWorker> logger)
    : SingleInstanceBackgroundService(lease, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override string LeaseName => "mail-outbox";

    protected override async Task RunWhileHeldAsync(CancellationToken whileHeld)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogInformation("Smtp:Host is not set: notifications are not sent by e-mail");
            return;
        }

        // A stop or a lost lease cancels the wait or the pass; the lease's loop tells them apart.
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<MailOutbox>().SendDueAsync(whileHeld);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} e-mails", sent);
                }
            }
            catch (OperationCanceledException) when (whileHeld.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // The next pass tries again.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                logger.LogWarning(failure, "The e-mail pass failed; the next one tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(whileHeld));
    }
}
