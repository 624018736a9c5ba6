using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class DisableUserDialog
{
    private readonly ServiceCall _call = new();

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public UserView Account { get; set; } = default!;

    private void Cancel() => Dialog.Cancel();

    private async Task DisableAsync()
    {
        var (disabled, account) = await _call.RunAsync(() => Administration.DisableAsync(Caller, Account.Id));
        if (disabled)
        {
            Dialog.Close(DialogResult.Ok(account));
        }
    }
}
