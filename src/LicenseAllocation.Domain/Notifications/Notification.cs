namespace LicenseAllocation.Domain.Notifications;

/// <summary>What a notification tells. Stored by name and part of the public API; never rename one.</summary>
public enum NotificationKind
{
    /// <summary>A unit asked for licences and the recipient decides it.</summary>
    RequestSubmitted,

    /// <summary>The recipient's request was decided.</summary>
    RequestDecided,

    /// <summary>A plan the recipient works in was published.</summary>
    PlanPublished,

    /// <summary>An amendment of a plan the recipient works in was published.</summary>
    PlanAmended,

    /// <summary>A console report put a unit the recipient answers for into the warning or critical band (the band in <see cref="Notification.Outcome"/>, the use % in <see cref="Notification.Quantity"/>).</summary>
    DeploymentBandEntered,
}

/// <summary>
/// One line of a user's inbox, written in the transaction of the event it tells, so an event is never without its
/// notifications and a refused one leaves none. The words are made when it is read, in the reader's language, from
/// <see cref="Kind"/>, <see cref="Subject"/> (a unit's or plan's name) and <see cref="Quantity"/>.
/// </summary>
public sealed class Notification
{
    public const int MaxSubjectLength = 500;

    private Notification(string recipient, NotificationKind kind, int planId, DateTime createdAtUtc, string subject)
    {
        Recipient = recipient;
        Kind = kind;
        PlanId = planId;
        CreatedAtUtc = createdAtUtc;
        Subject = subject;
    }

    public long Id { get; private set; }

    /// <summary>The user name of the account it is for.</summary>
    public string Recipient { get; private set; }

    public NotificationKind Kind { get; private set; }

    public int PlanId { get; private set; }

    /// <summary>The request it is about, for the request kinds.</summary>
    public long? RequestId { get; private set; }

    /// <summary>The unit's name (requests) or the plan's name (publications).</summary>
    public string Subject { get; private set; }

    /// <summary>The quantity asked for (a new request) or approved (a decision).</summary>
    public int? Quantity { get; private set; }

    /// <summary>For a decision: the request's new status, by name.</summary>
    public string? Outcome { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    public static Notification Of(
        string recipient, NotificationKind kind, int planId, DateTime createdAtUtc, string subject, long? requestId = null, int? quantity = null, string? outcome = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentNullException.ThrowIfNull(subject);
        if (createdAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Notification times are stored in UTC.", nameof(createdAtUtc));
        }

        return new Notification(recipient, kind, planId, createdAtUtc, subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject)
        {
            RequestId = requestId,
            Quantity = quantity,
            Outcome = outcome,
        };
    }
}
