using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Users;

public partial class UsersPage : PortalComponent
{
    private IReadOnlyList<UserView>? _accounts;
    private IReadOnlyList<ScopeUnitOption>? _units;
    private string? _problem;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (await ResolveCallerAsync() is not { } caller)
        {
            _problem = Text[nameof(Common.NoRole)];
            return;
        }

        var units = await Administration.ListScopeUnitsAsync(caller);
        if (!units.Succeeded)
        {
            _problem = Ui.Refusal(units.Error);
            return;
        }

        (_units, _problem) = (units.Value, null);
        await LoadAccountsAsync();
    }

    private async Task LoadAccountsAsync()
    {
        var accounts = await Administration.ListAsync(Caller!);
        if (accounts.Succeeded)
        {
            _accounts = accounts.Value;
        }
        else
        {
            _problem = Ui.Refusal(accounts.Error);
        }
    }
}
