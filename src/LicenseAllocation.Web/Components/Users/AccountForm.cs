using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

/// <summary>
/// What every form on an account shares: the caller it acts for, the one service that decides (and words each
/// refusal), the texts of the accounts' screens, and the snackbar that says a change was saved.
/// </summary>
public abstract class AccountForm : ComponentBase
{
    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    protected ServiceCall Call { get; } = new();

    [Inject]
    protected UserAdministration Administration { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private protected IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [Inject]
    private protected IStringLocalizer<Common> Text { get; set; } = default!;
}
