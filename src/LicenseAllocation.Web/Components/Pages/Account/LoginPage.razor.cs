using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Account;

public partial class LoginPage
{
    private string? _error;

    [Inject]
    private SignInManager<PortalUser> SignInManager { get; set; } = default!;

    [Inject]
    private ILogger<LoginPage> Logger { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Shell> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Inject]
    private PortalMetrics Metrics { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        var result = await SignInManager.PasswordSignInAsync(Input.UserName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Logger.LogInformation("User {UserName} signed in", Input.UserName);
            Navigation.NavigateTo(SafeReturnUrl(), forceLoad: true);
            return;
        }

        if (result.IsLockedOut && await SignInManager.UserManager.FindByNameAsync(Input.UserName) is { } user && UserAdministration.IsDisabled(user.LockoutEnd))
        {
            Logger.LogWarning("Sign-in refused for {UserName}: account disabled", Input.UserName);
            Metrics.SignInFailed("page", "account-disabled");
            _error = Loc[nameof(Resources.Shell.AccountDisabledContactAdministrator)];
            return;
        }

        if (result.IsLockedOut)
        {
            Logger.LogWarning("Sign-in refused for {UserName}: locked out", Input.UserName);
            Metrics.SignInFailed("page", "locked-out");
            _error = Loc[nameof(Resources.Shell.LockedOutTryLater)];
            return;
        }

        Logger.LogWarning("Sign-in failed for {UserName}", Input.UserName);
        Metrics.SignInFailed("page", "invalid-credentials");
        _error = Loc[nameof(Resources.Shell.WrongUserNameOrPassword)];
    }

    // Only local paths: the sign-in page must not become an open redirect.
    private string SafeReturnUrl()
    {
        var target = string.IsNullOrEmpty(ReturnUrl) ? "/" : ReturnUrl.StartsWith('/') ? ReturnUrl : "/" + ReturnUrl;
        return target.StartsWith("//", StringComparison.Ordinal) || target.StartsWith("/\\", StringComparison.Ordinal) ? "/" : target;
    }
}
