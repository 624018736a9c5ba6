using System.ComponentModel.DataAnnotations;

namespace LicenseAllocation.Web.Components.Pages.Account;

/// <summary>The password change form as posted; the validation messages follow the reader's language.</summary>
internal sealed class PasswordChangeInput
{
    [Required(ErrorMessageResourceType = typeof(Resources.Users), ErrorMessageResourceName = nameof(Resources.Users.EnterCurrentPassword))]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessageResourceType = typeof(Resources.Users), ErrorMessageResourceName = nameof(Resources.Users.EnterNewPassword))]
    public string NewPassword { get; set; } = string.Empty;

    [Compare(nameof(NewPassword), ErrorMessageResourceType = typeof(Resources.Users), ErrorMessageResourceName = nameof(Resources.Users.PasswordsDiffer))]
    public string ConfirmPassword { get; set; } = string.Empty;
}
