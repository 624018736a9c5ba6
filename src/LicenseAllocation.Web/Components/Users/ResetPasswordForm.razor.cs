using LicenseAllocation.Application.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class ResetPasswordForm
{
    private string? _newPassword;

    [Parameter, EditorRequired]
    public UserView Account { get; set; } = default!;

    /// <summary>Raised on cancel and once the new password is saved.</summary>
    [Parameter]
    public EventCallback OnClosed { get; set; }

    private async Task SaveAsync()
    {
        var (saved, _) = await Call.RunAsync(() => Administration.ResetPasswordAsync(Caller, Account.Id, _newPassword));
        if (!saved)
        {
            return;
        }

        Snackbar.Add(Loc[nameof(Resources.Users.PasswordResetFor), Account.UserName], Severity.Success);
        await OnClosed.InvokeAsync();
    }
}
