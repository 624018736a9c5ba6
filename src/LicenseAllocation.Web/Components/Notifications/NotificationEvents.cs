namespace LicenseAllocation.Web.Components.Notifications;

/// <summary>Within one circuit: the inbox tells the bell that a notification was read, so its count follows at once.</summary>
public sealed class NotificationEvents
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
