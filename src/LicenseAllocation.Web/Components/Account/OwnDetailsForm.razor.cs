using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Account;

public partial class OwnDetailsForm
{
    private string? _fullName;
    private string? _phone;
    private string? _email;

    [Parameter, EditorRequired]
    public UserView Account { get; set; } = default!;

    [Parameter]
    public EventCallback<UserView> OnSaved { get; set; }

    private string RoleName => Account.Role is { } role ? Text.Of(role) : Text[nameof(Common.PortalRole_None)];

    private string LastSignIn => Account.LastSignInAt is { } at ? Ui.DT(VietnamTime.FromUtc(at)) : Loc[nameof(Resources.Users.NeverSignedIn)];

    protected override void OnParametersSet() => (_fullName, _phone, _email) = (Account.FullName, Account.Phone, Account.Email);

    private async Task SaveAsync()
    {
        var (saved, account) = await Call.RunAsync(() => Administration.UpdateOwnAsync(Caller, new OwnDetails(_fullName, _phone, _email)));
        if (saved && account is not null)
        {
            Snackbar.Add(Loc[nameof(Resources.Users.MyDetailsSaved)], Severity.Success);
            await OnSaved.InvokeAsync(account);
        }
    }
}
