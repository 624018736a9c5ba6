using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Resources;
using LicenseAllocation.Web.Security;
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
    private PortalSignIn PortalSignIn { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private ILogger<LoginPage> Logger { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Shell> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        var attempt = await PortalSignIn.CheckAsync(Input.UserName, Input.Password, "page", HttpContext.RequestAborted);
        switch (attempt.Verdict)
        {
            case SignInVerdict.Accepted:
                await SignInManager.SignInAsync(attempt.User!, isPersistent: false);
                Logger.LogInformation("User {UserName} signed in", LogText.Safe(attempt.User!.UserName));
                // Only local paths: the sign-in page must not become an open redirect.
                Navigation.NavigateTo(LocalUrls.Safe(ReturnUrl), forceLoad: true);
                return;
            case SignInVerdict.TooManyAttempts:
                var seconds = PortalRateLimiting.RetryAfterSeconds(attempt.RetryAfter);
                HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                _error = RefusalMessages.OfCode(PortalRateLimiting.TooManyRequests, CultureInfo.CurrentUICulture, seconds);
                return;
            default:
                _error = Loc[nameof(Resources.Shell.SignInRefused)];
                return;
        }
    }
}
