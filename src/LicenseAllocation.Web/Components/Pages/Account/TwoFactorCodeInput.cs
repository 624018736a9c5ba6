using System.ComponentModel.DataAnnotations;

namespace LicenseAllocation.Web.Components.Pages.Account;

/// <summary>A code from the authenticator app as posted by one of the two-factor page's forms.</summary>
internal sealed class TwoFactorCodeInput
{
    [Required(ErrorMessageResourceType = typeof(Resources.Users), ErrorMessageResourceName = nameof(Resources.Users.EnterCode))]
    [StringLength(32)]
    public string Code { get; set; } = string.Empty;
}
