using LicenseAllocation.Application.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Users;

public partial class EditUserForm
{
    private string? _fullName;
    private string? _position;
    private string? _phone;
    private string? _email;
    private int? _scopeUnitId;

    [Parameter, EditorRequired]
    public UserView Account { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ScopeUnitOption> Units { get; set; } = [];

    /// <summary>Raised on cancel; <see cref="OnSaved"/> once the details are saved.</summary>
    [Parameter]
    public EventCallback OnClosed { get; set; }

    [Parameter]
    public EventCallback<UserView> OnSaved { get; set; }

    protected override void OnParametersSet() =>
        (_fullName, _position, _phone, _email, _scopeUnitId) = (Account.FullName, Account.Position, Account.Phone, Account.Email, Account.ScopeUnitId);

    private async Task SaveAsync()
    {
        var edit = new AccountEdit(_fullName, _position, _phone, _email, _scopeUnitId);
        var (saved, account) = await Call.RunAsync(() => Administration.UpdateAsync(Caller, Account.Id, edit));
        if (!saved || account is null)
        {
            return;
        }

        Snackbar.Add(Loc[nameof(Resources.Users.AccountSavedNamed), account.UserName], Severity.Success);
        await OnSaved.InvokeAsync(account);
    }
}
