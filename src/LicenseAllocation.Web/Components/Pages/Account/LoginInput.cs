using System.ComponentModel.DataAnnotations;

namespace LicenseAllocation.Web.Components.Pages.Account;

/// <summary>The sign-in form as posted; the validation messages follow the reader's language.</summary>
internal sealed class LoginInput
{
    [Required(ErrorMessageResourceType = typeof(Resources.Shell), ErrorMessageResourceName = nameof(Resources.Shell.EnterUserName))]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessageResourceType = typeof(Resources.Shell), ErrorMessageResourceName = nameof(Resources.Shell.EnterPassword))]
    public string Password { get; set; } = string.Empty;
}

/// <summary>The second step of signing in: the authenticator (or recovery) code.</summary>
internal sealed class LoginCodeInput
{
    [Required(ErrorMessageResourceType = typeof(Resources.Shell), ErrorMessageResourceName = nameof(Resources.Shell.EnterTwoFactorCode))]
    [StringLength(32)]
    public string Code { get; set; } = string.Empty;
}
