using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Application.Identity;

/// <summary>
/// A portal account. Its e-mail address is Identity's <c>IdentityUser.Email</c> and its phone Identity's
/// <c>IdentityUser.PhoneNumber</c>, so that whatever sends mail to a user finds the address where Identity keeps it.
/// </summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>The unit whose subtree the user works in; null for roles that see the whole province.</summary>
    public int? ScopeUnitId { get; set; }

    /// <summary>The person's full name as written on official letters (Họ và tên).</summary>
    public string? FullName { get; set; }

    /// <summary>The person's position in their unit (Chức vụ).</summary>
    public string? Position { get; set; }

    /// <summary>When the account last signed in (UTC), by the form or for an API token.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>
    /// The password was set by the administrator (a new account, a reset): until the user has chosen their own, the
    /// portal and the API let them do nothing else.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The language the user last chose in the portal (<c>vi</c> or <c>en</c>; none is Vietnamese): e-mails are written in it.</summary>
    public string? Language { get; set; }
}
