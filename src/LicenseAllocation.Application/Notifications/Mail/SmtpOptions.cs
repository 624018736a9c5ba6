namespace LicenseAllocation.Application.Notifications.Mail;

/// <summary>The mail server notifications are sent through (<c>Smtp:*</c>). No <see cref="Host"/>: no e-mail is sent, and messages wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>With <see cref="Password"/>, the account the portal signs in to the server with; none: no sign-in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>phanbo@sotttt.gov.vn</c> or <c>Sở TT&amp;TT &lt;phanbo@sotttt.gov.vn&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>TLS: on connection for port 465, STARTTLS otherwise. False only for a server on the same machine or network.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The portal's public origin (<c>Portal:PublicOrigin</c>), the start of the link in each message; none: the link is the bare path.</summary>
    public Uri? PortalOrigin { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
