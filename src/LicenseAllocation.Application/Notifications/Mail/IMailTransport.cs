using MimeKit;

namespace LicenseAllocation.Application.Notifications.Mail;

/// <summary>Hands one message to a mail server; returns once the server accepted it, throws when it did not.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
