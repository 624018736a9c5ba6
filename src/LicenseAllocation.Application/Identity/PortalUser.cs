using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Application.Identity;

public sealed class PortalUser : IdentityUser
{
    /// <summary>The unit whose subtree the user works in; null for roles that see the whole province.</summary>
    public int? ScopeUnitId { get; set; }
}
