using LicenseAllocation.Application.Notifications;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Notifications;

/// <summary>The caller's inbox, newest first, a page at a time; each line opens the page it is about and is marked read.</summary>
public sealed partial class NotificationList
{
    private NotificationPage? _page;
    private bool _onlyUnread;
    private int _pageNumber = 1;

    [Inject]
    private NotificationService Inbox { get; set; } = default!;

    [Inject]
    private NotificationEvents Events { get; set; } = default!;

    [Inject]
    private IStringLocalizer<InboxTexts> Loc { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        await ResolveCallerAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Caller is { } caller)
        {
            var outcome = await Inbox.ListAsync(caller, _onlyUnread, _pageNumber);
            _page = outcome.Value;
        }
    }

    private async Task ShowUnreadAsync(bool onlyUnread)
    {
        _onlyUnread = onlyUnread;
        _pageNumber = 1;
        await LoadAsync();
    }

    private async Task ShowPageAsync(int page)
    {
        _pageNumber = page;
        await LoadAsync();
    }

    private async Task MarkReadAsync(long id)
    {
        if (Caller is { } caller)
        {
            await Inbox.MarkReadAsync(caller, id);
            await LoadAsync();
            Events.Raise();
        }
    }
}
