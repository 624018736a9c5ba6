using System.Globalization;
using System.Security.Claims;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using LicenseAllocation.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Account;

public partial class LoginPage
{
    private string? _error;
    private bool _codeStep;

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

    [SupplyParameterFromForm(FormName = "login-code")]
    private LoginCodeInput CodeInput { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    /// <summary><c>code</c>: the province's sign-in proved the person and the account asks for its code (<see cref="Auth.OidcSignIn"/>).</summary>
    [SupplyParameterFromQuery]
    private string? Step { get; set; }

    /// <summary>Why the province's sign-in gave no session (<see cref="Auth.OidcSignIn.RefusalParameter"/>).</summary>
    [SupplyParameterFromQuery]
    private string? Refusal { get; set; }

    protected override void OnInitialized()
    {
        // A posted code means the code form: it must be on the page for its post to be handled.
        var shown = HttpMethods.IsGet(HttpContext.Request.Method);
        _codeStep = CodeInput is not null || (shown && Step == "code");
        _error = shown ? Auth.OidcSignIn.RefusalText(Refusal, Loc) : null;
        Input ??= new LoginInput();
        CodeInput ??= new LoginCodeInput();
    }

    private async Task SignInAsync()
    {
        var attempt = await PortalSignIn.CheckAsync(Input.UserName, Input.Password, null, "page", HttpContext.RequestAborted);
        if (attempt.Verdict == SignInVerdict.CodeRequired)
        {
            // The password was right: a short-lived cookie (Identity's two-factor scheme, five minutes) names the account
            // for the second step, so the password is never sent again nor written into the page.
            var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, attempt.User!.Id)], IdentityConstants.TwoFactorUserIdScheme);
            await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            _codeStep = true;
            return;
        }

        await FinishAsync(attempt);
    }

    private async Task CheckCodeAsync()
    {
        var pending = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (pending.Principal?.FindFirstValue(ClaimTypes.Name) is not { } userId)
        {
            _codeStep = false;
            _error = Loc[nameof(Resources.Shell.TwoFactorStepExpired)];
            return;
        }

        var attempt = await PortalSignIn.CheckCodeAsync(userId, CodeInput.Code, "page", HttpContext.RequestAborted);
        if (attempt.Verdict == SignInVerdict.CodeRefused)
        {
            _error = Ui.Refusal(AllocationError.InvalidTwoFactorCode());
            return;
        }

        // Refused now (locked out): back to the password step; too many attempts: the code step stays.
        _codeStep = attempt.Verdict == SignInVerdict.TooManyAttempts;
        if (!_codeStep)
        {
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        }

        await FinishAsync(attempt);
    }

    private async Task FinishAsync(SignInAttempt attempt)
    {
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
            case SignInVerdict.UnknownToPortal:
                _error = Ui.Refusal(AllocationError.NoPortalAccount());
                return;
            case SignInVerdict.DirectoryUnavailable:
                HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                _error = Ui.Refusal(AllocationError.DirectoryUnavailable());
                return;
            default:
                _error = Loc[nameof(Resources.Shell.SignInRefused)];
                return;
        }
    }
}
