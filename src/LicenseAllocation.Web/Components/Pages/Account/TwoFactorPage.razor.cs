using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
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
/// The user's own two-factor sign-in: the key and QR code to set it up and a code to confirm it, the recovery codes
/// once, then renewing them or turning it off with a current code. An administrator the portal requires it of is held
/// here until it is on (<see cref="PasswordChangeGate"/>).
/// </summary>
public partial class TwoFactorPage
{
    private TwoFactorSetup? _setup;
    private IReadOnlyList<string>? _codes;
    private string? _error;
    private string? _notice;
    private bool _required;
    private string? _requiredMessage;

    [Inject]
    private TwoFactorEnrolment TwoFactor { get; set; } = default!;

    [Inject]
    private UserManager<PortalUser> Accounts { get; set; } = default!;

    [Inject]
    private SignInManager<PortalUser> SignInManager { get; set; } = default!;

    [Inject]
    private ILogger<TwoFactorPage> Logger { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Users> Loc { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "two-factor-enable")]
    private TwoFactorCodeInput EnableInput { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "two-factor-renew")]
    private TwoFactorCodeInput RenewInput { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "two-factor-disable")]
    private TwoFactorCodeInput DisableInput { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    private string Continue => LocalUrls.Safe(ReturnUrl);

    private Caller? Caller => Callers.FromPrincipal(HttpContext.User);

    protected override async Task OnInitializedAsync()
    {
        EnableInput ??= new TwoFactorCodeInput();
        RenewInput ??= new TwoFactorCodeInput();
        DisableInput ??= new TwoFactorCodeInput();
        _required = HttpContext.User.HasClaim(PasswordChangeGate.EnrolmentClaim, "true");
        _requiredMessage = PasswordChangeGate.EnrolmentMessage(CultureInfo.CurrentUICulture);
        // Also before a post is handled: the posted form must be on the page for its handler to run.
        await LoadAsync();
    }

    private async Task EnableAsync()
    {
        var outcome = await Run(caller => TwoFactor.EnableAsync(caller, EnableInput.Code, HttpContext.RequestAborted));
        if (outcome is { Succeeded: true })
        {
            await RenewCookieAsync(outcome.Value.Account.Id, "turned on two-factor sign-in");
            _required = false;
            _codes = outcome.Value.RecoveryCodes;
            _notice = Loc[nameof(Resources.Users.TwoFactorEnabledNow)];
        }

        await LoadAsync();
    }

    private async Task RenewAsync()
    {
        var outcome = await Run(caller => TwoFactor.RenewRecoveryCodesAsync(caller, RenewInput.Code, HttpContext.RequestAborted));
        if (outcome is { Succeeded: true })
        {
            _codes = outcome.Value.RecoveryCodes;
        }

        await LoadAsync();
    }

    private async Task DisableAsync()
    {
        var outcome = await Run(caller => TwoFactor.DisableAsync(caller, DisableInput.Code, HttpContext.RequestAborted));
        if (outcome is { Succeeded: true })
        {
            await RenewCookieAsync(outcome.Value.Id, "turned off two-factor sign-in");
            _notice = Loc[nameof(Resources.Users.TwoFactorDisabledNow)];
        }

        await LoadAsync();
    }

    private async Task<Outcome<T>?> Run<T>(Func<Caller, Task<Outcome<T>>> change)
    {
        if (Caller is not { } caller)
        {
            _error = Ui.Refusal(Domain.Allocations.AllocationError.Forbidden());
            return null;
        }

        var outcome = await change(caller);
        if (!outcome.Succeeded)
        {
            _error = Ui.Refusal(outcome.Error);
        }

        return outcome;
    }

    /// <summary>The stamp changed with the two-factor switch: a new cookie, made from the account as it now is.</summary>
    private async Task RenewCookieAsync(string userId, string what)
    {
        var user = await Accounts.FindByIdAsync(userId);
        await SignInManager.SignInAsync(user!, isPersistent: false);
        Logger.LogInformation("User {UserName} {What}", LogText.Safe(user!.UserName), what);
    }

    private async Task LoadAsync()
    {
        if (Caller is not { } caller)
        {
            return;
        }

        var setup = await TwoFactor.GetSetupAsync(caller, HttpContext.RequestAborted);
        _setup = setup.Succeeded ? setup.Value : null;
        _error ??= setup.Succeeded ? null : Ui.Refusal(setup.Error);
    }
}
