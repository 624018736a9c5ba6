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
