using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class ResetPasswordForm
{
    private readonly ServiceCall _call = new();
    private string? _newPassword;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public UserView Account { get; set; } = default!;

    /// <summary>Raised on cancel and once the new password is saved.</summary>
    [Parameter]
    public EventCallback OnClosed { get; set; }

    private async Task SaveAsync()
    {
        var (saved, _) = await _call.RunAsync(() => Administration.ResetPasswordAsync(Caller, Account.Id, _newPassword));
        if (!saved)
        {
            return;
        }

        Snackbar.Add(Loc[nameof(Resources.Users.PasswordResetFor), Account.UserName], Severity.Success);
        await OnClosed.InvokeAsync();
    }
}
