using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class CreateUserForm
{
    private string? _userName;
    private string? _password;
    private PortalRole? _role;
    private int? _scopeUnitId;
    private string? _fullName;
    private string? _position;
    private string? _phone;
    private string? _email;

    /// <summary>The units an account can be put in charge of, as the service lists them for the administrator.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ScopeUnitOption> Units { get; set; } = [];

    [Parameter]
    public EventCallback<UserView> OnCreated { get; set; }

    private void RoleChanged(PortalRole? role)
    {
        _role = role;
        // A district officer's unit must be a district committee: drop a choice that no longer fits.
        if (role is not { } chosen || !AccessPolicy.NeedsScope(chosen) || !ScopeChoices(chosen).Any(u => u.Id == _scopeUnitId))
        {
            _scopeUnitId = null;
        }
    }

    private IEnumerable<ScopeUnitOption> ScopeChoices(PortalRole role) => UserUnits.Choices(Units, role);

    private static string UnitLabel(ScopeUnitOption unit) => UserUnits.Label(unit);

    private async Task CreateAsync()
    {
        var (created, account) = await Call.RunAsync(() =>
            Administration.CreateAsync(Caller, new NewUser(_userName, _password, _role?.ToString(), _scopeUnitId, _fullName, _position, _phone, _email)));
        if (!created || account is null)
        {
            return;
        }

        Snackbar.Add(Loc[nameof(Resources.Users.AccountCreated), account.UserName], Severity.Success);
        (_userName, _password, _role, _scopeUnitId) = (null, null, null, null);
        (_fullName, _position, _phone, _email) = (null, null, null, null);
        await OnCreated.InvokeAsync(account);
    }
}
