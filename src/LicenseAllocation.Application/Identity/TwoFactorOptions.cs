namespace LicenseAllocation.Application.Identity;

/// <summary>The <c>Security</c> section: whether province administrators must sign in with a second factor.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security";

    /// <summary>
    /// When true, a province administrator who has not set up an authenticator app is held at the two-factor page
    /// (pages) or answered <c>403 two-factor-enrolment-required</c> (API) until they have, and cannot turn it off.
    /// </summary>
    public bool RequireTwoFactorForAdmins { get; set; }

    /// <summary>Whether an account of <paramref name="role"/> must use two-factor sign-in.</summary>
    public bool IsMandatoryFor(PortalRole? role) => RequireTwoFactorForAdmins && role == PortalRole.ProvinceAdmin;
}
