using System.Security.Claims;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;

namespace LicenseAllocation.Web.Auth;

/// <summary>Turns the signed-in principal (cookie or bearer) into the <see cref="Caller"/> the services decide on.</summary>
internal static class Callers
{
    public const string ScopeUnitClaim = "scope_unit";

    /// <returns>Null for an anonymous principal or one without a portal role: such a caller may do nothing.</returns>
    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return null;
        }

        foreach (var role in Enum.GetValues<PortalRole>())
        {
            if (principal.IsInRole(role.ToString()))
            {
                var scope = int.TryParse(principal.FindFirstValue(ScopeUnitClaim), out var unitId) ? unitId : (int?)null;
                return new Caller(name, role, scope);
            }
        }

        return null;
    }
}
