using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicenseAllocation.Application.Notifications.Mail;

/// <summary>
/// Sends what is due in the outbox. Each message is claimed by a conditional UPDATE (so two workers, or two portal
/// instances, never send the same one), handed to the server, and marked sent at once; a failure waits
/// <see cref="OutboxMail.Backoff"/> and is tried again, up to <see cref="OutboxMail.MaxAttempts"/>. A worker that dies
/// holding a claim leaves it to expire (<see cref="OutboxMail.ClaimLease"/>), and the message is sent by the next pass:
/// nothing is lost, and the one message the server accepted in the instant before the crash is sent again with the
/// same <c>Message-ID</c>.
/// </summary>
public sealed class MailOutbox(
    IDbContextFactory<AllocationDbContext> contextFactory, IMailTransport transport, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<MailOutbox> logger)
{
    public const int BatchSize = 20;

    /// <summary>Sends the due messages, a batch at a time, until none is due; returns how many the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var due = await DueAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }

            foreach (var id in due)
            {
                if (await SendOneAsync(id, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    private async Task<List<long>> DueAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Due(db.OutboxMails, now).OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    private static IQueryable<OutboxMail> Due(IQueryable<OutboxMail> mails, DateTime now) =>
        mails.Where(m => m.SentAtUtc == null && m.FailedAtUtc == null && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now));

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await Due(db.OutboxMails, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, now + OutboxMail.ClaimLease).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            // Another worker took it, or it was sent in the meantime.
            return false;
        }

        var mail = await db.OutboxMails.AsNoTracking().Include(m => m.Notification).SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(Compose(mail), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim expires and the next worker sends it.
            throw;
        }
#pragma warning disable CA1031 // Any failure of the server or the network is retried later.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            var givenUp = mail.Attempts >= OutboxMail.MaxAttempts;
            var error = failure.Message.Length > OutboxMail.MaxErrorLength ? failure.Message[..OutboxMail.MaxErrorLength] : failure.Message;
            DateTime? failedAt = givenUp ? Now() : null;
            var next = Now() + OutboxMail.Backoff(mail.Attempts);
            await db.OutboxMails.Where(m => m.Id == id && m.SentAtUtc == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.NextAttemptAtUtc, next)
                        .SetProperty(m => m.LastError, error).SetProperty(m => m.FailedAtUtc, failedAt),
                    CancellationToken.None);
            logger.LogWarning(failure, "E-mail {OutboxId} to {Address} failed (attempt {Attempt}){GivenUp}", id, mail.Address, mail.Attempts, givenUp ? "; given up" : "");
            return false;
        }

        // The server has it: mark it now, whatever is being cancelled, so that a shutdown does not send it twice.
        var sentAt = Now();
        await db.OutboxMails.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAtUtc, sentAt).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    /// <summary>The message of <paramref name="mail"/>, in its recipient's language, with the link to the page it is about.</summary>
    internal MimeMessage Compose(OutboxMail mail)
    {
        var smtp = options.Value;
        var culture = CultureInfo.GetCultureInfo(mail.Language == "en" ? "en-US" : "vi-VN");
        var n = mail.Notification;
        var view = new NotificationView(n.Id, n.Kind, n.PlanId, n.RequestId, n.Subject, n.Quantity, n.Outcome, n.CreatedAtUtc, n.ReadAtUtc);
        var text = view.Text(culture);
        var link = smtp.PortalOrigin is { } origin ? new Uri(origin, view.Link).AbsoluteUri : view.Link;
        var from = MailboxAddress.Parse(smtp.From ?? throw new InvalidOperationException("Smtp:From is not set."));
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.Address));
        message.Subject = TextResources.Format(TextResources.NotificationTexts, "Mail_Subject", culture, text);
        message.MessageId = mail.MessageId(from.Domain);
        message.Date = new DateTimeOffset(n.CreatedAtUtc, TimeSpan.Zero);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new TextPart("plain")
        {
            Text = string.Join(
                "\n",
                text,
                "",
                TextResources.Format(TextResources.NotificationTexts, "Mail_Link", culture, link),
                "",
                TextResources.Format(TextResources.NotificationTexts, "Mail_Footer", culture)),
        };
        body.Headers.Add(HeaderId.ContentLanguage, culture.TwoLetterISOLanguageName);
        message.Body = body;
        return message;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
