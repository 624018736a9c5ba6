using LicenseAllocation.Application.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class DisableUserDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public UserView Account { get; set; } = default!;

    private void Cancel() => Dialog.Cancel();

    private async Task DisableAsync()
    {
        var (disabled, account) = await Call.RunAsync(() => Administration.DisableAsync(Caller, Account.Id));
        if (disabled)
        {
            Dialog.Close(DialogResult.Ok(account));
        }
    }
}
