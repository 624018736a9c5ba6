using LicenseAllocation.Application.Notifications;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Notifications;

/// <summary>
/// The bell in the header with the caller's unread count, read again whenever the reader moves to another page (the
/// layout stays) and when the inbox says one was read.
/// </summary>
public sealed partial class NotificationBell : PortalComponent, IDisposable
{
    private int _unread;

    [Inject]
    private NotificationService Inbox { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<InboxTexts> Loc { get; set; } = default!;

    [Inject]
    private NotificationEvents Events { get; set; } = default!;

    protected override void OnInitialized()
    {
        Navigation.LocationChanged += PageChanged;
        Events.Changed += InboxChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (await ResolveCallerAsync() is { } caller)
        {
            _unread = await Inbox.UnreadCountAsync(caller);
        }
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= PageChanged;
        Events.Changed -= InboxChanged;
    }

    private void PageChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(RefreshAsync);

    private void InboxChanged() => _ = InvokeAsync(RefreshAsync);

    private async Task RefreshAsync()
    {
        if (Caller is { } caller)
        {
            _unread = await Inbox.UnreadCountAsync(caller);
            StateHasChanged();
        }
    }
}
