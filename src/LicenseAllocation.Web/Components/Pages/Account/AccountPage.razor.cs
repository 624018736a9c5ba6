using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Account;

/// <summary>The signed-in user's own account: who they are, their details, the way to change their password.</summary>
public partial class AccountPage : PortalComponent
{
    private UserView? _account;
    private string? _problem;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (await ResolveCallerAsync() is not { } caller)
        {
            _problem = Text[nameof(Common.NoRole)];
            return;
        }

        var own = await Administration.GetOwnAsync(caller);
        if (own.Succeeded)
        {
            (_account, _problem) = (own.Value, null);
        }
        else
        {
            _problem = Ui.Refusal(own.Error);
        }
    }

    private void Saved(UserView account) => _account = account;
}
