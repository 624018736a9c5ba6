using System.Globalization;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Account;

/// <summary>
/// The user's own password: the current one and the new one twice. On success the session is renewed with the new
/// security stamp (without the obligation to change), the account's other sessions and tokens end, and the user goes
/// on to where they were going.
/// </summary>
public partial class PasswordChangePage
{
    private string? _error;
    private bool _required;
    private string? _requiredMessage;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private UserManager<PortalUser> Accounts { get; set; } = default!;

    [Inject]
    private SignInManager<PortalUser> SignInManager { get; set; } = default!;

    [Inject]
    private ILogger<PasswordChangePage> Logger { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private PasswordChangeInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new PasswordChangeInput();
        _required = HttpContext.User.HasClaim(PasswordChangeGate.Claim, "true");
        _requiredMessage = PasswordChangeGate.Message(CultureInfo.CurrentUICulture);
    }

    private async Task ChangeAsync()
    {
        if (Callers.FromPrincipal(HttpContext.User) is not { } caller)
        {
            _error = Ui.Refusal(Domain.Allocations.AllocationError.Forbidden());
            return;
        }

        var outcome = await Administration.ChangeOwnPasswordAsync(caller, Input.CurrentPassword, Input.NewPassword, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            _error = Ui.Refusal(outcome.Error);
            return;
        }

        // The stamp changed with the password: a new cookie, made from the account as it now is.
        var user = await Accounts.FindByIdAsync(outcome.Value.Id);
        await SignInManager.SignInAsync(user!, isPersistent: false);
        Logger.LogInformation("User {UserName} changed their own password", LogText.Safe(caller.UserName));
        Navigation.NavigateTo(LocalUrls.Safe(ReturnUrl), forceLoad: true);
    }
}
