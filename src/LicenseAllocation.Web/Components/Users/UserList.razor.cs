using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class UserList
{
    private readonly ServiceCall _enable = new();
    private UserView? _open;
    private Editing _editing;

    private enum Editing
    {
        Password,
        Details,
    }

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<UserView> Accounts { get; set; } = [];

    /// <summary>The units an account can be put in charge of, for the edit row.</summary>
    [Parameter]
    public IReadOnlyList<ScopeUnitOption> Units { get; set; } = [];

    /// <summary>Raised when an account changed (details, disabled, re-enabled), so that the page reads the list again.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private string RoleName(UserView user) => user.Role is { } role ? Text.Of(role) : Text[nameof(Common.PortalRole_None)];

    // An administrator who disabled their own account would lock the province out of user management.
    private bool IsSelf(UserView user) => string.Equals(user.UserName, Caller.UserName, StringComparison.OrdinalIgnoreCase);

    private string LastSignIn(UserView user) => user.LastSignInAt is { } at ? Ui.DT(VietnamTime.FromUtc(at)) : Loc[nameof(Resources.Users.NeverSignedIn)];

    private void Begin(UserView user, Editing editing) => (_open, _editing) = (user, editing);

    private void End() => _open = null;

    private async Task SavedAsync()
    {
        _open = null;
        await OnChanged.InvokeAsync();
    }

    private async Task EnableAsync(UserView user)
    {
        var (enabled, _) = await _enable.RunAsync(() => Administration.EnableAsync(Caller, user.Id));
        if (enabled)
        {
            Snackbar.Add(Loc[nameof(Resources.Users.AccountEnabledNamed), user.UserName], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }

    private async Task DisableAsync(UserView user)
    {
        var parameters = new DialogParameters<DisableUserDialog>
        {
            { d => d.Caller, Caller },
            { d => d.Account, user },
        };
        var dialog = await Dialogs.ShowAsync<DisableUserDialog>(Loc[nameof(Resources.Users.DisableAccount)], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(Loc[nameof(Resources.Users.AccountDisabledNamed), user.UserName], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }
}
