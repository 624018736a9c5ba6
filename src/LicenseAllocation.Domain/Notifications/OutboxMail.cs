namespace LicenseAllocation.Domain.Notifications;

/// <summary>
/// One e-mail waiting to be sent: written beside its <see cref="Notification"/> in the transaction of the event, sent
/// later by the mail worker. Delivery is at least once: a message is marked sent right after the server accepted it, so
/// the only repeat is a message accepted by the server just before the process died and before it was marked; it is
/// sent again with the same <c>Message-ID</c> (<see cref="MessageId"/>), by which mail systems recognise the repeat.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxAddressLength = 256;
    public const int MaxErrorLength = 1000;

    /// <summary>Attempts after which the message is given up (<see cref="FailedAtUtc"/>), its error kept.</summary>
    public const int MaxAttempts = 8;

    /// <summary>How long a claimed message is left to the worker that claimed it before another may take it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    private OutboxMail(Notification notification, string address, string language, DateTime createdAtUtc)
    {
        Notification = notification;
        Address = address;
        Language = language;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    // For EF Core.
    private OutboxMail()
    {
        Notification = null!;
        Address = "";
        Language = "";
    }

    public long Id { get; private set; }

    public long NotificationId { get; private set; }

    public Notification Notification { get; private set; }

    public string Address { get; private set; }

    /// <summary>The recipient's language when the event happened: <c>vi</c> or <c>en</c>.</summary>
    public string Language { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Attempts started, counted when a worker claims the message (so a message that crashes the worker is not retried for ever).</summary>
    public int Attempts { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>Set while a worker sends it; a claim older than <see cref="ClaimLease"/> belongs to a worker that died.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public DateTime? FailedAtUtc { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The same for every attempt of this message.</summary>
    public string MessageId(string domain) => $"outbox-{Id}.{NotificationId}@{domain}";

    public static OutboxMail For(Notification notification, string address, string? language)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return new OutboxMail(notification, address, language == "en" ? "en" : "vi", notification.CreatedAtUtc);
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 30 s, 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20))));
}
