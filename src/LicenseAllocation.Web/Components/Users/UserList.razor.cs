using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class UserList
{
    private UserView? _resetting;

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

    /// <summary>Raised when an account changed (disabled), so that the page reads the list again.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private string RoleName(UserView user) => user.Role is { } role ? Text.Of(role) : Text[nameof(Common.PortalRole_None)];

    // An administrator who disabled their own account would lock the province out of user management.
    private bool IsSelf(UserView user) => string.Equals(user.UserName, Caller.UserName, StringComparison.OrdinalIgnoreCase);

    private void BeginReset(UserView user) => _resetting = user;

    private void EndReset() => _resetting = null;

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
